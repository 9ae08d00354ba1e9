"""Lexicons and patterns, as data: every word list and regular expression the rules use, in one place.

One module per kind, each entry with a short example of what it matches:

- `reasons`   the reason codes of removed lines (`REASONS`) and their categories;
- `markers`   lines that say what they are: ads, share bars, promos, mastheads, related-list
              headings, tags, comments, copyright, disclaimers, calls to action, agencies;
- `captions`  captions and photo credits;
- `credits`   bylines: agency names, credit words, roles, organisations, CMS accounts;
- `stamps`    date lines and publication stamps, and the credits printed beside them;
- `dateformats` how dates are printed: month names, the date patterns, times and zones, relative dates;
- `titles`    what a headline is not: breadcrumbs, pagers, page furniture, comment headings;
- `markup`    HTML: tag sets, class and id names, <meta> names, JSON-LD types, date and credit labels.

To add a rule: add its code to `REASONS` (`rules/reasons.py`), its pattern to the module of its
kind, call it from the pass where it belongs (`pipeline.clean` marks lines, `pipeline.header` reads
fields, `pipeline.dates` reads dates, `pipeline.extract` reads the HTML), and add a test with a
real line. `tests/test_registries.py` checks that every code the code assigns is registered and
every registered code is assigned.
"""
from __future__ import annotations

from .captions import *  # noqa: F401,F403
from .credits import *  # noqa: F401,F403
from .dateformats import *  # noqa: F401,F403
from .markers import *  # noqa: F401,F403
from .markup import *  # noqa: F401,F403
from .reasons import REASONS, category  # noqa: F401
from .stamps import *  # noqa: F401,F403
from .titles import *  # noqa: F401,F403
