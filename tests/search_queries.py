"""Queries a social worker would type, and the document each should find (by title prefix).

Written from the seed content: inflected, definite and plural forms, compound parts,
one-letter typos, and English queries. Used by tests/test_search_quality.py and by
`manage.py search_report`.
"""

# (language, query, what it tests, the expected document's title starts with)
QUERIES = [
    # Swedish: definite and inflected forms
    ("sv", "människohandeln", "definite", "Människohandel"),
    ("sv", "återvändandet", "definite", "Återvändandeprogrammet"),
    ("sv", "lägesrapporten", "definite", "Människohandel för sexuella"),
    ("sv", "kartläggningen", "definite", "Prostitution i norra Sverige"),
    ("sv", "manualen", "definite", "Manual vid misstanke"),
    ("sv", "webbutbildningen", "as written", "Webbutbildningen"),
    ("sv", "podden", "definite", "Podd"),
    ("sv", "prostitutionen", "definite", "Prostitution i norra Sverige"),
    ("sv", "skuggsamhället", "definite", "”De kan alltid hitta mig”"),
    ("sv", "stödprocessen", "definite", "Regionkoordinatorer"),
    ("sv", "regionkoordinatorerna", "definite plural", "Regionkoordinatorer"),
    ("sv", "metodstödet", "definite", "Nationellt metodstöd"),
    ("sv", "polismyndighetens lägesrapport", "genitive", "Människohandel för sexuella"),
    ("sv", "socialtjänstens vägledning", "genitive", "Barn i internationell"),
    ("sv", "utsatta barngruppers", "genitive plural", "”De kan alltid hitta mig”"),
    # Swedish: plurals
    ("sv", "vägledningar", "plural", "Barn i internationell"),
    ("sv", "lägesrapporter", "plural", "Människohandel för sexuella"),
    ("sv", "manualer", "plural", "Manual vid misstanke"),
    ("sv", "webbutbildningar", "plural", "Webbutbildningen"),
    ("sv", "kartläggningar", "plural", "Prostitution i norra Sverige"),
    # Swedish: compound parts
    ("sv", "återvändande", "compound part", "Återvändandeprogrammet"),
    ("sv", "organisationer", "compound part", "Återvändandeprogrammet"),
    ("sv", "koordinatorer", "compound part", "Regionkoordinatorer"),
    ("sv", "samhället", "compound part", "”De kan alltid hitta mig”"),
    ("sv", "barngrupper", "compound", "”De kan alltid hitta mig”"),
    ("sv", "integration", "compound part", "Återvändandeprogrammet"),
    ("sv", "norrbotten", "place", "Prostitution i norra Sverige"),
    ("sv", "koppleri", "word", "Människohandel för sexuella"),
    ("sv", "misstanke om människohandel", "phrase", "Manual vid misstanke"),
    ("sv", "länsstyrelsen unicef", "authors", "Kan det vara människohandel"),
    # Swedish: one-letter typos
    ("sv", "kartläggnng", "typo", "Prostitution i norra Sverige"),
    ("sv", "regionkordinatorer", "typo", "Regionkoordinatorer"),
    ("sv", "webbutbildnngen", "typo", "Webbutbildningen"),
    ("sv", "lägesraport", "typo", "Människohandel för sexuella"),
    ("sv", "skugsamhället", "typo", "”De kan alltid hitta mig”"),
    ("sv", "återintegrtion", "typo", "Återvändandeprogrammet"),
    # English
    ("en", "child trafficking", "title", "Child trafficking"),
    ("en", "manuals", "plural", "Manual for suspected human trafficking"),
    ("en", "podcasts", "plural", "Podcast"),
    ("en", "web courses", "plural", "The web course"),
    ("en", "return programme", "title", "The Return Programme"),
    ("en", "status reports", "plural", "Human trafficking for sexual"),
    ("en", "northern sweden", "title", "Prostitution in northern Sweden"),
    ("en", "regional coordinators", "title", "Regional coordinators"),
    ("en", "reintegration", "word", "The Return Programme"),
    ("en", "volunteers", "plural", "National Method Support"),
    ("en", "begging", "word", "Human trafficking for sexual"),
    ("en", "mappings", "plural", "Prostitution in northern Sweden"),
    ("en", "coordinaters", "typo", "Regional coordinators"),
]
