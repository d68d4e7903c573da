"""Facts: claims in, the facts they state (action frames: actor, action, duration, scope) out."""
