"""The pages the browser tests visit: one of every page type, in Swedish and English."""

THEME_SV = "/sv/vald/teman/manniskohandel-med-barn/"
THEME_EN = "/en/violence/themes/child-trafficking/"
CATALOGUE_SV = "/sv/publikationer/"
CATALOGUE_EN = "/en/publications/"
PUBLICATION_SV = "/sv/publikationer/barn-i-internationell-manniskohandel-och-exploatering/"
PUBLICATION_EN = "/en/publications/barn-i-internationell-manniskohandel-och-exploatering/"
STATEMENT_SV = "/sv/tillganglighet/"
STATEMENT_EN = "/en/accessibility/"

# (name, address): status 200 unless the name says 404.
PAGES = [
    ("start-sv", "/sv/"),
    ("start-en", "/en/"),
    ("section-sv", "/sv/vald/"),
    ("section-en", "/en/violence/"),
    ("theme-index-sv", "/sv/vald/teman/"),
    ("theme-index-en", "/en/violence/themes/"),
    ("theme-sv", THEME_SV),
    ("theme-en", THEME_EN),
    ("support-service-sv", THEME_SV + "nmt/"),
    ("support-service-en", THEME_EN + "nmt/"),
    ("manual-sv", THEME_SV + "manual-vid-misstanke-om-manniskohandel/"),
    ("manual-en", THEME_EN + "manual-suspected-human-trafficking/"),
    ("guidance-document-sv", THEME_SV + "vagledning-barn-i-manniskohandel/"),
    ("guidance-document-en", THEME_EN + "guidance-children-in-trafficking/"),
    ("podcast-sv", THEME_SV + "podd-pa-djupet-54/"),
    ("podcast-en", THEME_EN + "podcast-pa-djupet-54/"),
    ("web-course-sv", THEME_SV + "webbutbildning-manniskohandel-med-barn-och-unga/"),
    ("web-course-en", THEME_EN + "web-course-trafficking-in-children-and-young-people/"),
    ("contact-sv", "/sv/kontakt/"),
    ("contact-en", "/en/contact/"),
    ("catalogue-sv", CATALOGUE_SV),
    ("catalogue-en", CATALOGUE_EN),
    ("catalogue-topic-sv", CATALOGUE_SV + "?topic=manniskohandel"),
    ("catalogue-topic-en", CATALOGUE_EN + "?topic=barn"),
    ("catalogue-filtered-sv", CATALOGUE_SV + "?q=barn&type=vagledning&sort=title"),
    ("catalogue-none-sv", CATALOGUE_SV + "?q=zzzzqqq"),
    ("publication-sv", PUBLICATION_SV),
    ("publication-en", PUBLICATION_EN),
    ("search-hits-sv", "/sv/sok/?q=människohandel"),
    ("search-hits-en", "/en/search/?q=trafficking"),
    ("search-none-sv", "/sv/sok/?q=zzzzqqq"),
    ("search-empty-en", "/en/search/"),
    ("404-sv", "/sv/finns-inte/"),
    ("404-en", "/en/does-not-exist/"),
    ("statement-sv", STATEMENT_SV),
    ("statement-en", STATEMENT_EN),
]
PAGE_IDS = [name for name, _url in PAGES]


def expected_status(name: str) -> int:
    return 404 if name.startswith("404") else 200
