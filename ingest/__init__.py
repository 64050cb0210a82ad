"""Turning user files into clean documents and chunks."""
