"""Quotes where paragraphs start sentences (dateline.nlp): a clause reported before an inverted
"..., said X" (text written for this test; a dateline before the speaker is in test_quotes)."""

from __future__ import annotations

from test_quotes import _analyse


def test_a_clause_before_said_and_its_inverted_subject_is_reported(nlp):
    text = (
        '"We hope the talks will bring progress," the spokeswoman said.\n\n'
        "After the collapse of the last round, the minister is probably trying to show that he still has"
        " allies abroad, said Oren Pascal, a lecturer at Lisbon University."
    )
    art = _analyse(nlp, text)
    found = [q for q in art.quotes if q.text.startswith("After the collapse")]
    assert len(found) == 1 and found[0].speaker_text.startswith("Oren Pascal")
