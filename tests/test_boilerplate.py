"""Site furniture is not a claim; sentences that state something are."""

from __future__ import annotations

import pytest

from factcheck.claims.boilerplate import is_boilerplate
from factcheck.text.fold import word_forms

FURNITURE = [
    "Share this article",
    "Follow us on Twitter for the latest news",
    "Sign up for our daily newsletter to get the news in your inbox",
    "Photo: Getty Images",
    "Advertisement",
    "Related: Five things to know about the vote",
    "By John Smith and Jane Doe",
    "Updated 10:42 am ET, June 5, 2020",
    "Subscribe to our YouTube channel for more videos",
    "Click here to read more about the story",
    "(Reporting by Jan Wolfe; Editing by Grant McCool)",
    "Copyright 2020 The Associated Press. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "We use cookies to improve your experience on our site.",
    "Comments are closed.",
    "Please enable JavaScript to view the comments powered by Disqus.",
    "5 min read",
    "Skip to main content",
    "Listen to this article",
    "Getty Images/iStockphoto",
    "Five Secrets Our Readers Used To Retire Early",
    "READ MORE: Senate passes the spending bill after a late vote",
    "The full interview is on our website. Read more »",
    "14 March 2021 Last updated at 09:12 GMT",
    "Posted on Thu Jun 13, 2013 08:45 AM PDT",
    "Last updated on: November 11, 2011 19:04 IST",
    "Fri., May. 3, 2013 11:45 AM PDT",
    "posted Mar 4th, 2014 at 9:02 AM",
    "TUESDAY, APRIL 22ND, 2014 AT 6:15 PM",
]
PROSE = [
    "The senator said she would vote against the bill on Tuesday.",
    "Police said three people were injured in the crash.",
    "Officials declined to comment on the report.",
    "The company shared the results with investors in a letter.",
    "Critics say the law will hurt small businesses.",
    "Readers of the newspaper were asked to follow the new rules from Monday.",
    "By proposing a new tax, the mayor invited attacks from both parties.",
    "By Friday, the river had risen above the flood barriers in three towns.",
    "From the bridge, residents could see more clearly how far the water had risen.",
    "Voters who read more than one newspaper were less likely to believe the rumour.",
    "The register was last updated at 9:30 on Monday, the council said.",
    "Updated guidance on masks was issued by the ministry on Monday.",
    "Published in March, the report found that rents rose sharply.",
    "PUBLISHED FEBRUARY 23, 2021: The council approved the harbour budget on Friday.",
    "The results of the vote will be published at 10:00 GMT.",
    "The ferry leaves on March 4 at 9:02 AM.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture(line: str) -> None:
    assert is_boilerplate(line, word_forms(line)[1])


@pytest.mark.parametrize("line", PROSE)
def test_prose(line: str) -> None:
    assert not is_boilerplate(line, word_forms(line)[1])


def test_a_short_headline_is_kept() -> None:
    assert not is_boilerplate("Port strike ends", word_forms("Port strike ends")[1], headline=True)
