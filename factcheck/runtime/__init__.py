"""Process plumbing, out of the domain code: forking, memos, the heap, progress, the terminal."""
