"""Pebbles and weekly counts (assistant.journal.stats); the numbers over a sample journal are in test_review.py."""
from __future__ import annotations

import pytest

from assistant.journal.stats import is_pebble

@pytest.mark.parametrize("entry, pebble", [
    ({"language": "en", "themes": ["unanswered"], "feelings": []}, True),
    ({"language": "en", "themes": ["cancelled", "win"], "feelings": ["happy"]}, True),
    ({"language": "en", "themes": [], "feelings": ["lonely"]}, True),        # an unpleasant feeling
    ({"language": "en", "themes": ["win"], "feelings": ["proud"]}, False),
    ({"language": "en", "themes": ["memory"], "feelings": []}, False),
    ({"language": "ko", "themes": [], "feelings": ["서운함"]}, True),
    ({"language": "ko", "themes": ["connection"], "feelings": ["감사"]}, False),
    ({"language": "en", "themes": [], "feelings": []}, False),
])
def test_is_pebble(entry, pebble):
    assert is_pebble(entry) is pebble
