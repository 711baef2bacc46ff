"""Vendor output validation: reference XDIS16 files and a batch checker for vendors' files.

- ``names``: the XML element names and namespace, read from the report layout (never from code);
- ``expected``: what the tables prescribe for one citizen, as plain picklable data;
- ``render``: the reference (golden) XML file for that expectation;
- ``safexml``: parsing untrusted bytes with every dangerous feature off and bounded size;
- ``compare``: one parsed file against its expectation, field by field;
- ``matching``: which citizen a file belongs to;
- ``batch``: many files, optionally in several processes, with progress and cancel;
- ``report_*``: text, JSON, JUnit XML and SARIF 2.1.0 output; ``export`` picks one by name;
- ``findings``: the stable rule ids (FV…), severities and texts.

The GUI's "Leverandørtjek" tab is meant to call ``batch.run_batch`` (progress and cancel
callbacks) and ``export.write_report``, like the CLI's ``check-vendor`` does.
"""
