"""Shared vocabulary of every stage. Imports nothing else of ours (a test keeps it so)."""
