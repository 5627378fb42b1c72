"""The catalogue's filters, sorting and facet counts, shared by the page, the feed and JSON.

Everything the visitor chooses is in the query string (q, topic, type, year_from,
year_to, language, author, sort, page) with slug values, the same in both languages.

- `form`: the query string read by a Django form; a value that means nothing (year=abc,
  an unknown topic) is dropped and named in a notice, and never reaches the database.
- `index`: every live publication's filter values and places in each order, as bit
  sets, made once per generation: filtering, counting and sorting without a query.
- `facets`: the counts beside each option.
- `presentation`: the addresses of other views, the active filters, the pages.
- `listing`: `Catalogue`, one view of the catalogue, made of the above.
"""

from publications.catalogue.facets import Option
from publications.catalogue.listing import Catalogue

__all__ = ["Catalogue", "Option"]
