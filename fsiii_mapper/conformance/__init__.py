"""Conformance of vendors' report files: reference XDIS16 files and a batch checker.

- ``names``: the XML element names and namespaces, read from the report layout (never from code);
- ``expected``: what the tables prescribe for one citizen, as plain picklable data;
- ``render``: the reference (golden) XML file for that expectation;
- ``safexml``: parsing untrusted bytes with every dangerous feature off and bounded size;
- ``comparator``: one parsed file against its expectation, field by field;
- ``matching``: which citizen a file belongs to;
- ``batch``: many files, optionally in several processes, with progress and cancel;
- ``report_*``: text, JSON, JUnit XML and SARIF 2.1.0 output; ``report_files`` picks one by name;
- ``findings``: the findings of a check (rule ids FV… are declared in ``fsiii_mapper.rules``).

The CLI's ``check-vendor`` and the GUI's "Leverandørtjek" tab both call ``batch.run_batch`` and
``report_files.write_report``.
"""
