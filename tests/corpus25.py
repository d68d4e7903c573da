"""A corpus of 25 sources for the HTML report's tests: five stories told by five
outlets each; in every story one outlet gives another amount than the other four."""

from __future__ import annotations

STORIES = [
    (
        "Harbour board backs quay wall",
        "The harbour board approved a budget of ${n} million for the new quay wall on Friday.",
        "Fishing crews have waited a decade for the crumbling stone pier to be rebuilt.",
        "Divers will survey the seabed beneath the northern jetty before any concrete is poured.",
        40,
        55,
    ),
    (
        "County council funds ring road",
        "Councillors agreed to spend ${n} million widening the eastern ring road near the airport.",
        "Commuters complain that queues at the roundabout stretch"
        " back for several miles each morning.",
        "Bus lanes and a cycle path will be added along both verges of the dual carriageway.",
        12,
        18,
    ),
    (
        "Water company repairs reservoir dam",
        "Engineers will receive ${n} million to strengthen the"
        " ageing reservoir dam above the valley.",
        "Cracks found in the spillway last winter alarmed villagers living downstream of the lake.",
        "Anglers must stay away from the western shore while heavy"
        " machinery works on the embankment.",
        90,
        60,
    ),
    (
        "School trust opens science wing",
        "Governors raised ${n} million to build laboratories for chemistry and physics pupils.",
        "Teenagers currently share one cramped classroom with benches older than their parents.",
        "Telescopes donated by an astronomy club will sit on the flat roof of the new block.",
        7,
        9,
    ),
    (
        "Rail operator adds night trains",
        "The operator will invest ${n} million in sleeper carriages for overnight journeys north.",
        "Passengers have petitioned for years to revive the late"
        " departures cancelled in the nineties.",
        "Each cabin will offer bunks, a washbasin and breakfast"
        " served before arrival in the highlands.",
        25,
        35,
    ),
]
OUTLETS = ["Herald", "Gazette", "Courier", "Post", "Tribune"]


def corpus25() -> dict[str, str]:
    """id → text; the Tribune is the outlet that differs in every story."""
    texts = {}
    for n, (title, amount, second, third, agreed, other) in enumerate(STORIES):
        for outlet in OUTLETS:
            value = other if outlet == "Tribune" else agreed
            texts[f"s{n}-{outlet.lower()}"] = (
                f"{title}\n\n{amount.format(n=value)}\n\n{second}\n\n{third}\n"
            )
    return texts


if __name__ == "__main__":
    from tests.conftest import analyse_texts

    r = analyse_texts(corpus25())
    print(len(r.sources), len(r.stories), len(r.findings))
    for f in r.findings[:6]:
        print(f.kind, f.story, f.odd_source, [(x.text, x.sources, x.majority) for x in f.readings])
