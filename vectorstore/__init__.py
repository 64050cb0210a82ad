"""Embeddings, storage (Chroma) and retrieval (dense, lexical, hybrid)."""
