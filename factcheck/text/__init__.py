"""Text tools shared by every stage: folding, tokens, numbers and dates, lexicons."""
