"""Findings: requirement verdicts -> clause findings, propagation, scores, roadmap, diff."""
