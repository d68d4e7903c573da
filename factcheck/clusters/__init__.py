"""Clusters: claims in, the groups of claims that state the same fact across sources out.

blocking (candidate pairs) → verify (rapidfuzz links) → graph (networkx communities).
"""

from factcheck.clusters.features import content_words
from factcheck.clusters.graph import clusters
from factcheck.clusters.verify import Link, is_link, link

__all__ = ["Link", "clusters", "content_words", "is_link", "link"]
