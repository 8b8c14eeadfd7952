"""Setting a system up rather than auditing it: the self-assessment checklist and the starter kit.

- ``checklist.py``: every requirement of the selected packs in dependency order, grouped
  in phases, with the evidence that would satisfy it (a pure view model);
- ``checklist_render.py``: the output formats of the checklist (Markdown, XLSX, PDF),
  one module each, chosen through a small registry;
- ``starter.py``: what ``imsaudit init`` writes for a new organization (document
  templates, registers, record templates, README, organization.yaml), as data, then one
  function that writes it.

The package reads packs, the graph and (to check that its registers are recognized)
the evidence stage; it never reads an audit's findings, and nothing but the CLI imports it.
"""
