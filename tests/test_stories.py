"""Stories: a day of news checks as each of its stories would alone."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.config import Settings
from factcheck.model import Report, Source
from factcheck.pipeline import analyse
from factcheck.stories.group import Likeness
from tests.conftest import analyse_texts, assert_offsets

CASES = Path(__file__).parent / "cases"


def _stories() -> list[dict[str, str]]:
    """The positive case of each kind whose story no other chosen case tells: small,
    unrelated stories of two or three outlets, none from the seeds."""
    chosen: dict[str, dict[str, str]] = {}
    titles: set[str] = set()
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text("utf-8"))["case"]:
            first = next(iter(case["sources"].values())).strip().split("\n")[0]
            if case["expect"] and case["kind"] not in chosen and first not in titles:
                chosen[case["kind"]] = case["sources"]
                titles.add(first)
    return list(chosen.values())


def _within_stories(report: Report) -> None:
    """A finding's evidence and every reading's sources come from the story it was found in."""
    members = {s.id: set(s.sources) for s in report.stories}
    for f in report.findings:
        assert {e.source for e in f.evidence} <= members[f.story]
        assert {sid for r in f.readings for sid in r.sources} <= members[f.story]


def test_a_day_of_news_finds_what_each_story_finds_alone() -> None:
    stories = _stories()
    assert len(stories) >= 6
    alone: set[tuple[str, str]] = set()
    day: list[Source] = []
    for n, texts in enumerate(stories):
        named = {f"story{n}-{k}": v for k, v in texts.items()}
        report = analyse_texts(named)
        alone |= {(f.id, f.kind) for f in report.findings}
        day += [Source(k, f"{k}.txt", v) for k, v in named.items()]
    together = analyse(day, Settings())
    assert_offsets(together)
    _within_stories(together)
    assert {(f.id, f.kind) for f in together.findings} == alone
    assert alone  # the stories have findings to compare
    for f in together.findings:
        assert len({s.split("-")[0] for s in f.sources}) == 1  # no finding joins two stories


def test_every_claim_and_cluster_belongs_to_one_story() -> None:
    day = [
        Source(f"story{n}-{k}", f"{k}.txt", v)
        for n, texts in enumerate(_stories())
        for k, v in texts.items()
    ]
    report = analyse(day, Settings())
    claims = [c for s in report.stories for c in s.claims]
    clusters = [k for s in report.stories for k in s.clusters]
    assert sorted(claims) == sorted(c.id for c in report.claims)
    assert sorted(clusters) == sorted(k.id for k in report.clusters)
    for story in report.stories:
        assert len({s.split("-")[0] for s in story.sources}) == 1


BRIDGE = """The council approved a budget of {amount} for the new bridge across the river.
Construction crews will start work on the northern ramp in the spring, the city engineer said.
Traffic on the old bridge fell by a tenth over the summer months, according to the transport office.
The mayor called the vote a turning point for commuters on the east side."""
RESCUE = """Coast guard crews rescued three fishermen from the capsized trawler early on {day}.
The men clung to the hull for four hours before a helicopter spotted them near the reef.
All three were taken to the harbour clinic and treated for cold exposure, a nurse said.
The skipper blamed a sudden squall that flipped the boat within seconds."""
STOCK = "Officials said more details would be released later this week."


def test_a_stock_sentence_does_not_join_two_stories() -> None:
    texts = {
        "a1": "Bridge budget approved\n\n" + BRIDGE.format(amount="$2.5 billion"),
        "a2": "Council passes bridge plan\n\n" + BRIDGE.format(amount="$1.8 billion"),
        "b1": "Rescue at sea\n\n" + RESCUE.format(day="Sunday"),
        "b2": "Fishermen saved\n\n" + RESCUE.format(day="Sunday"),
    }
    sources = [Source(k, k, f"{v}\n\n{STOCK}") for k, v in texts.items()]
    report = analyse(sources, Settings())
    assert sorted(tuple(sorted(s.core)) for s in report.stories) == [("a1", "a2"), ("b1", "b2")]
    assert all(len({s[0] for s in f.sources}) == 1 for f in report.findings)
    assert any(f.kind == "conflict-number" for f in report.findings)
    # The stock sentence's cluster keeps the claims of one story only.
    for k in report.clusters:
        stories = {
            c[0] for c in (next(x.source for x in report.claims if x.id == cid) for cid in k.claims)
        }
        assert len(stories) == 1


WEEKLY = "\n".join(
    [
        "Jobless claims fall to {claims}",
        "The number of Americans filing new claims for unemployment benefits fell to {claims} "
        "last week, the Labor Department said on Thursday.",
        "Economists polled by the agency had expected {expected} applications for the week.",
        "Continuing claims, a measure of people still receiving benefits, dropped to {continuing}.",
        "The four-week moving average, which irons out weekly swings, eased as well.",
    ]
)


@pytest.mark.parametrize(("second_day", "stories"), [("2021-07-08", 2), ("2021-07-03", 1)])
def test_a_weekly_report_a_week_later_is_another_story(second_day: str, stories: int) -> None:
    """The same sentences of another week's figures: a week apart they are two reports
    (no conflict), two days apart one report told two ways (a conflict)."""
    week1 = WEEKLY.format(claims="364,000", expected="350,000", continuing="3.3 million")
    week2 = WEEKLY.format(claims="373,000", expected="360,000", continuing="3.4 million")
    sources = [
        Source("wire1", "wire1", week1, date="2021-07-01"),
        Source("paper1", "paper1", week1, date="2021-07-01"),
        Source("wire2", "wire2", week2, date=second_day),
        Source("paper2", "paper2", week2, date=second_day),
    ]
    report = analyse(sources, Settings())
    assert_offsets(report)
    assert len(report.stories) == stories
    numbers = [f for f in report.findings if f.kind == "conflict-number"]
    assert bool(numbers) == (stories == 1)


def test_undated_articles_are_grouped_by_their_words_alone() -> None:
    week1 = WEEKLY.format(claims="364,000", expected="350,000", continuing="3.3 million")
    week2 = WEEKLY.format(claims="373,000", expected="360,000", continuing="3.4 million")
    sources = [
        Source("wire1", "wire1", week1, date="2021-07-01"),
        Source("paper2", "paper2", week2),  # no date: nothing tells the two weeks apart
    ]
    report = analyse(sources, Settings())
    assert len(report.stories) == 1
    assert any(f.kind == "conflict-number" for f in report.findings)


DOCK = (
    "Dock strike over after vote\n\nWorkers at the port voted on Friday to end their "
    "strike, which lasted nine days.\n\nShips will dock again by Monday, the harbour "
    "master said.\n\nThe union had asked for a raise of {raise_} percent over two years."
)


def test_a_story_reprinted_by_forty_outlets_is_checked_not_taken_for_furniture() -> None:
    sources = [
        Source(f"outlet{n}", f"outlet{n}.txt", DOCK.format(raise_="9" if n == 7 else "6"))
        for n in range(40)
    ]
    report = analyse(sources, Settings(jobs=1))
    assert "template-lines" not in {limit.name for limit in report.limits}
    numbers = [f for f in report.findings if f.kind == "conflict-number"]
    assert len(numbers) == 1  # one finding for the fact, whatever the outlets
    odd = [r for r in numbers[0].readings if not r.majority]
    assert [r.sources for r in odd] == [("outlet7",)]
    assert len(next(r for r in numbers[0].readings if r.majority).sources) == 39
    # The clusters hold every outlet's claim of each sentence.
    assert sorted({len(k.claims) for k in report.clusters}) == [40]


def test_furniture_across_unrelated_stories_is_dropped_and_reported() -> None:
    footer = "The Northfield Gazette is an independent paper owned by its readers."
    stories = [
        f"Story {n}\n\nThe {w} committee met on {d} to discuss the {w} budget and its "
        f"{n + 3} proposals.\n\nMembers of the {w} panel will vote next month.\n\n{footer}"
        for n, (w, d) in enumerate(
            zip(
                "water parks roads schools housing transit health library fire police".split(),
                "Monday Tuesday Wednesday Thursday Friday Monday Tuesday Wednesday Thursday"
                " Friday".split(),
                strict=True,
            )
        )
    ]
    sources = [Source(f"site{n}", f"site{n}.txt", text) for n, text in enumerate(stories)]
    report = analyse(sources, Settings(jobs=1))
    limits = {limit.name: limit for limit in report.limits}
    assert limits["template-lines"].dropped == 10
    assert "not checked" in limits["template-lines"].message
    assert not any(footer in c.text for c in report.claims)


def test_links_a_hub_does_not_keep_are_reported() -> None:
    # Sixteen outlets each change a different word of one long sentence: every wording
    # is linked to fifteen others, more than a wording keeps.
    words = (
        "the regional transit authority approved new overnight bus routes linking the "
        "airport harbour stadium university hospital and northern suburbs on thursday"
    ).split()
    swaps = "agency endorsed fresh late coach lines joining port arena college clinic".split()
    sources = []
    for n in range(16):
        changed = list(words)
        at = 1 + n % (len(words) - 2)
        changed[at] = swaps[n % len(swaps)] if changed[at] != swaps[n % len(swaps)] else "x"
        sources.append(Source(f"o{n}", f"o{n}.txt", "Routes\n\n" + " ".join(changed) + "."))
    report = analyse(sources, Settings(jobs=1))
    limits = {limit.name: limit for limit in report.limits}
    assert limits["max-links"].dropped > 0
    assert "strongest" in limits["max-links"].message
    # Two outlets alone are far below the cap: nothing is said.
    assert "max-links" not in {x.name for x in analyse(sources[:2], Settings(jobs=1)).limits}


WIRE = (
    "Flood crews work through the night\n\nThe river rose two metres overnight and "
    'crews filled sandbags along the embankment until dawn.\n\n"Our crews have worked '
    'around the {when} since the water began to rise," the fire chief said.\n\nThe '
    "council will meet on Monday to decide whether the school stays closed."
)


def test_a_quote_copied_by_thirty_outlets_is_one_finding_with_every_outlet() -> None:
    # More copies than are paired: the rest are told as twins of the paired ones.
    sources = [
        Source(f"wire{n:02d}", f"wire{n:02d}.txt", WIRE.format(when="week" if n == 5 else "clock"))
        for n in range(30)
    ]
    report = analyse(sources, Settings(jobs=1))
    misquotes = [f for f in report.findings if f.kind == "misquote"]
    assert len(misquotes) == 1
    readings = {r.text: r for r in misquotes[0].readings}
    assert readings["week"].sources == ("wire05",) and not readings["week"].majority
    assert len(readings["clock"].sources) == 29 and readings["clock"].majority
    assert {e.source for e in misquotes[0].evidence} == {s.id for s in sources}


def test_a_fact_written_forty_ways_is_compared_with_its_common_wordings_and_says_so() -> None:
    base = (
        "The ferry operator will resume the night crossings to the island from the "
        "northern pier after the storm damage is repaired"
    )
    fillers = "quickly soon fully safely gradually partly finally carefully".split()
    texts = []
    for n in range(40):
        words = base.split()
        if n == 3:
            words.insert(words.index("will") + 1, "not")
        elif n >= 10:
            words.append(f"{fillers[n % len(fillers)]}{'' if n < 18 else n}")
        texts.append(
            "Ferry news\n\n" + " ".join(words) + ".\n\nThe harbour office confirmed the plan "
            "on its website and said tickets would go on sale within days."
        )
    sources = [Source(f"f{n:02d}", f"f{n:02d}.txt", t) for n, t in enumerate(texts)]
    report = analyse(sources, Settings(jobs=1))
    negations = [f for f in report.findings if f.kind == "conflict-negation"]
    assert len(negations) == 1
    deviant = [r for r in negations[0].readings if not r.majority]
    assert [r.sources for r in deviant] == [("f03",)]
    limits = {x.name: x for x in report.limits}
    assert limits["max-variants"].dropped > 0
    assert "most printed" in limits["max-variants"].message


# Two stories of one town. The dredging contract is told by two outlets; the mayor's
# testimony on the flood barrier by three copies of one wire article. RECAP reports the
# dredging contract in its headline and lead, and its background recalls the barrier and
# quotes the mayor's remark (one word changed: "cable" for "cables"): its words are about
# as alike to the barrier's articles as to the dredging ones.
DREDGE_A = """Dredging contract awarded for Port Calloway channel

The Port Calloway harbour board awarded a dredging contract worth $48 million to Tidewell \
Marine on Thursday.

Tidewell Marine will deepen the silted shipping channel to fourteen metres, the board's \
chairwoman, Ilse Varga, told reporters.

Container ships now wait offshore for the high tide, sometimes for a day, she said.

Fishermen fear the spoil will be dumped near the oyster beds at Grennick Point, and their \
cooperative said it would seek an injunction."""
DREDGE_B = """Harbour board picks Tidewell for channel work

Tidewell Marine won the $48 million contract to dredge the Port Calloway shipping channel, \
the harbour board said on Thursday.

The oyster cooperative at Grennick Point warned that spoil dumped near its beds would ruin \
the harvest.

Dredgers will start in March and work in shifts for eighteen months, said Ilse Varga, who \
chairs the board."""
BARRIER = """Mayor defends flood barrier delays before state committee

Mayor Tomas Brandt told the state infrastructure committee on Tuesday that the Calloway \
flood barrier was two years late because steel prices had doubled.

"I have said many times that the barrier cables were never the problem. The delay was about \
the cost of steel and nothing else," Brandt said.

Committee members pressed him on the barrier's budget, which has grown to $310 million, and \
on warnings from engineers that the sluice gates were undersized.

Brandt said a revised design would be finished by autumn and promised {reports} reports to \
the committee.

Engineers from the state works department testified that the barrier's foundations had \
settled unevenly after the spring floods."""
RECAP = """Dredging deal revives questions over Calloway costs

Tidewell Marine will deepen the silted shipping channel to fourteen metres, the board's \
chairwoman, Ilse Varga, told reporters on Thursday.

The $48 million deal reopens the argument over what the town spends on its waterfront.

It comes as the flood barrier runs two years late. Mayor Tomas Brandt has insisted that \
"the barrier cable was never the problem," and that "the delay was about the cost of steel \
and nothing else."

Engineers from the state works department have warned that the sluice gates are undersized \
and that the foundations settled unevenly after the spring floods."""


def _town() -> dict[str, str]:
    texts = {"dredge-a": DREDGE_A, "dredge-b": DREDGE_B, "dredge-recap": RECAP}
    for n, reports in enumerate(("monthly", "monthly", "regular"), 1):
        texts[f"barrier-{n}"] = BARRIER.format(reports=reports)
    return texts


def test_a_source_goes_with_the_story_its_lead_tells_not_with_a_remark_it_recalls() -> None:
    texts = _town()
    report = analyse_texts(texts)
    _within_stories(report)
    like = Likeness(list(report.claims))
    own = like.cosine("dredge-recap", "dredge-a")
    other = like.cosine("dredge-recap", "barrier-1")
    assert abs(own - other) < 0.1  # its words alone do not tell which story it belongs to
    cores = sorted(tuple(sorted(s.core)) for s in report.stories)
    assert cores == [
        ("barrier-1", "barrier-2", "barrier-3"),
        ("dredge-a", "dredge-b", "dredge-recap"),
    ]
    for story in report.stories:  # the remark quoted again is no report of the barrier
        assert len({s.split("-")[0] for s in story.sources}) == 1
    for f in report.findings:
        assert len({s.split("-")[0] for s in f.sources}) == 1
        assert len({e.source.split("-")[0] for e in f.evidence}) == 1
    alone: set[tuple[str, str]] = set()
    for prefix in ("dredge", "barrier"):
        one = analyse_texts({k: v for k, v in texts.items() if k.startswith(prefix)})
        alone |= {(f.id, f.kind) for f in one.findings}
    assert {(f.id, f.kind) for f in report.findings} == alone


def test_a_roundup_that_tells_another_story_in_its_own_words_contributes_to_it() -> None:
    texts = _town()
    recalled = RECAP[RECAP.index("It comes") : RECAP.index("Engineers")]
    texts["dredge-recap"] = RECAP.replace(
        recalled,
        "Committee members pressed the mayor on the barrier's budget, which has grown to "
        "$370 million, and on warnings from engineers that the sluice gates were undersized."
        "\n\nThe state infrastructure committee heard on Tuesday that the Calloway flood "
        "barrier was two years late because steel prices had doubled.\n\n",
    )
    report = analyse_texts(texts)
    barrier = next(s for s in report.stories if "barrier-1" in s.core)
    assert "dredge-recap" not in barrier.core
    assert "dredge-recap" in barrier.sources  # a contributor: its claims are checked there
    assert any(f.kind == "conflict-number" and "dredge-recap" in f.sources for f in report.findings)


def test_each_altered_copy_of_a_quote_is_shown_by_its_own_change() -> None:
    quote = (
        '"We will rebuild the old harbour wall before the winter storms arrive," the mayor said.'
    )
    changes = {3: ("rebuild", "repair"), 9: ("old", "north"), 14: ("winter", "spring")}
    sources = []
    for n in range(24):
        text = quote.replace(*changes[n]) if n in changes else quote
        body = "Harbour wall plan\n\n" + text + "\n\nWork on the wall will cost the town council"
        sources.append(Source(f"w{n:02d}", f"w{n:02d}.txt", body + " about two million pounds."))
    report = analyse(sources, Settings(jobs=1))
    (misquote,) = [f for f in report.findings if f.kind == "misquote"]
    deviant = {r.sources: r.text for r in misquote.readings if not r.majority}
    assert deviant == {("w03",): "repair", ("w09",): "north", ("w14",): "spring"}


def test_facts_told_by_many_sources_are_counted_as_facts_told_by_few(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The pairs of a wire story's sources are counted in bulk: the same counts as one
    pair at a time."""
    import importlib

    from factcheck.model import Claim, Cluster, Quote

    grouping = importlib.import_module(
        "factcheck.stories.group"
    )  # the package's `group` is a function

    sources = [f"out{n:03d}" for n in range(180)]
    order = {s: n for n, s in enumerate(sources)}
    claims, clusters = [], []
    runs = [(k * 3, 70 + k * 4) for k in range(5)]  # five facts, each told by a run of outlets
    runs += [(100 + k, 175 - k) for k in range(3)]  # and another story's three, apart
    for k, (first, last) in enumerate(runs):
        told_by = sources[first:last]
        ids = []
        for s in told_by:
            quoted = (Quote(0, 9, None),) if (order[s] + k) % 7 == 0 else ()
            claims.append(Claim(f"c{len(claims)}", s, 0, 9, "fact text", ("fact",), quoted))
            ids.append(claims[-1].id)
        clusters.append(Cluster(f"k{k}", tuple(ids)))
    quoted = [(clusters[0].claims[0], clusters[1].claims[5])]
    assert min(len(k.claims) for k in clusters) > grouping.WIDE  # counted in bulk
    bulk = grouping._shared_facts(clusters, claims, order, quoted)
    monkeypatch.setattr(grouping, "WIDE", 10_000)
    one_by_one = grouping._shared_facts(clusters, claims, order, quoted)
    for counted, plain in zip(bulk, one_by_one, strict=True):
        assert counted == plain
    shared, told = bulk
    assert shared[("out000", "out001")] == 1 and shared[("out012", "out020")] == 5
    assert ("out001", "out000") not in shared
    assert shared[("out000", "out008")] == 2  # one fact, and a remark both quote
    assert told[("out001", "out000")] == 1
    assert shared[("out102", "out172")] == 3 and ("out050", "out120") not in shared
    assert ("out000", "out001") not in told  # out000 quotes that fact, in no words of its own


def test_a_fact_of_one_pair_keeps_its_own_words_beside_a_fact_of_many() -> None:
    # One remark printed by two outlets, one changing a word; another printed by six,
    # two of them changing a word each: the first finding is told by its pair, the
    # second names each reading against the majority's.
    lone = '"The new clinic will open its doors to patients in the spring," the director said.'
    many = '"We expect the waiting lists to fall by a third within two years," she added.'
    sources = []
    for n in range(6):
        first = (lone.replace("spring", "summer") if n == 1 else lone) + "\n\n" if n < 2 else ""
        second = many.replace("third", "quarter") if n == 4 else many
        second = second.replace("lists", "times") if n == 2 else second
        text = f"Clinic to open\n\n{first}{second}\n\nThe building cost eleven million dollars."
        sources.append(Source(f"c{n}", f"c{n}.txt", text))
    report = analyse(sources, Settings(jobs=1))
    misquotes = [f for f in report.findings if f.kind == "misquote"]
    assert len(misquotes) == 2
    (pair,) = [f for f in misquotes if "summer" in f.message]
    assert pair.message.startswith("c0 and c1 quote")
    assert {e.source for e in pair.evidence} == {"c0", "c1"}
    (fact,) = [f for f in misquotes if f is not pair]
    assert {r.text: r.sources for r in fact.readings if not r.majority} == {
        "quarter": ("c4",),
        "times": ("c2",),
    }
    assert fact.message.startswith("Quoted differently: ")
    assert len(fact.id) == 12 and fact.id != pair.id


def test_fact_numbers_join_what_one_per_fact_joins() -> None:
    from factcheck.findings import fact_numbers

    twins = {"b2": "b1"}
    numbers = fact_numbers(
        [("a", "b1"), ("b2", "c"), ("d", "e"), ("e", "f")], lambda c: twins.get(c, c)
    )
    assert numbers[0] == numbers[1] != numbers[2] == numbers[3]
    assert fact_numbers([("a", "b"), ("c", "d")]) == [0, 1]
