"""The former home of the indicator and unit tables, now rows of :mod:`base.lexicon`.

Kept only so that ``assistant.answer`` and ``assistant.query``, which are being rewritten to
import :mod:`base.lexicon`, still run; nothing else imports it. Remove it with them.
"""

from base.lexicon import INDICATORS, RELATED, SETTLEMENTS, UNITS, indicator, indicator_units

__all__ = ["INDICATORS", "RELATED", "SETTLEMENTS", "UNITS", "indicator", "indicator_units"]
