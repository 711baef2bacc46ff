<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>CatalogBrowser</name>
    <message>
        <location filename="../catalog_browser.py" line="92"/>
        <source>Search key, UUID, display, area …</source>
        <translation>Search key, UUID, display, area …</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="94"/>
        <source>Import KL CodeSystem for definitions …</source>
        <translation>Import KL CodeSystem for definitions …</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="118"/>
        <source>KL CodeSystem (FHIR JSON)</source>
        <translation>KL CodeSystem (FHIR JSON)</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="119"/>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="125"/>
        <source>Import failed</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="127"/>
        <source>Definitions imported</source>
        <translation>Definitions imported</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="128"/>
        <source>%1 definitions shown (kept only in this session).</source>
        <translation>%1 definitions shown (kept only in this session).</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../catalog_browser.py" line="61"/>
        <source>Catalog</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="61"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="61"/>
        <source>Display</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="61"/>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="62"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="62"/>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="62"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="62"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="63"/>
        <source>Successor</source>
        <translation>Successor</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="63"/>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
</context>
<context>
    <name>ChoiceDelegate</name>
    <message>
        <location filename="../delegates.py" line="39"/>
        <source>(no target)</source>
        <translation>(no target)</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <location filename="../diff_view.py" line="68"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="68"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="68"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="68"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="69"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="69"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="78"/>
        <source>added</source>
        <translation>added</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="78"/>
        <source>removed</source>
        <translation>removed</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="79"/>
        <source>changed</source>
        <translation>changed</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../diff_view.py" line="94"/>
        <source>Compare with file …</source>
        <translation>Compare with file …</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="106"/>
        <source>Table A</source>
        <translation>Table A</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="106"/>
        <source>Table B</source>
        <translation>Table B</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="128"/>
        <source>%1 (open, with edits)</source>
        <translation>%1 (open, with edits)</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="131"/>
        <source>%1 (last saved)</source>
        <translation>%1 (last saved)</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="145"/>
        <source>Compare with table</source>
        <translation>Compare with table</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="146"/>
        <source>Mapping tables (*.yaml *.yml)</source>
        <translation>Mapping tables (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="166"/>
        <source>The tables are identical.</source>
        <translation>The tables are identical.</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="168"/>
        <source>%1 added, %2 removed, %3 changed rows</source>
        <translation>%1 added, %2 removed, %3 changed rows</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../export_dialog.py" line="77"/>
        <source>Export tables</source>
        <translation>Export tables</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="102"/>
        <source>The guide always covers the pair: each table shown replaces the shipped table of its catalog.</source>
        <translation>The guide always covers the pair: each table shown replaces the shipped table of its catalog.</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="107"/>
        <source>Browse …</source>
        <translation>Browse …</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="111"/>
        <source>Allow warnings</source>
        <translation>Allow warnings</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="112"/>
        <source>Export even if validation gives warnings; errors always stop the export</source>
        <translation>Export even if validation gives warnings; errors always stop the export</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="116"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="117"/>
        <source>Table:</source>
        <translation>Table:</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="119"/>
        <source>Tables:</source>
        <translation>Tables:</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="122"/>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="132"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="132"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="132"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="133"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="133"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="139"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="161"/>
        <source>CSV – one line per mapping row</source>
        <translation>CSV – one line per mapping row</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="162"/>
        <source>Excel workbook (XLSX) – a sheet per table</source>
        <translation>Excel workbook (XLSX) – a sheet per table</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="163"/>
        <source>FHIR ConceptMap R4 (JSON)</source>
        <translation>FHIR ConceptMap R4 (JSON)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="164"/>
        <source>FHIR ConceptMap R5 (JSON)</source>
        <translation>FHIR ConceptMap R5 (JSON)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="165"/>
        <source>SSSOM (TSV)</source>
        <translation>SSSOM (TSV)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="166"/>
        <source>Mapping guide for the table pair (HTML)</source>
        <translation>Mapping guide for the table pair (HTML)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="167"/>
        <source>Mapping guide for the table pair (PDF)</source>
        <translation>Mapping guide for the table pair (PDF)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="248"/>
        <source>Export to</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="266"/>
        <source>Choose at least one table.</source>
        <translation>Choose at least one table.</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="269"/>
        <source>Choose the file to export to.</source>
        <translation>Choose the file to export to.</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="273"/>
        <source>Overwrite?</source>
        <translation>Overwrite?</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="274"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 already exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="290"/>
        <source>Could not write the file: %1</source>
        <translation>Could not write the file: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../export_dialog.py" line="312"/>
        <source>Export refused: %1 has %n validation error(s). Nothing was written.</source>
        <translation>
            <numerusform>Export refused: %1 has %n validation error(s). Nothing was written.</numerusform>
            <numerusform>Export refused: %1 has %n validation error(s). Nothing was written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../export_dialog.py" line="315"/>
        <source>Export refused: %1 has %n warning(s). Tick “Allow warnings” to export anyway. Nothing was written.</source>
        <translation>
            <numerusform>Export refused: %1 has %n warning(s). Tick “Allow warnings” to export anyway. Nothing was written.</numerusform>
            <numerusform>Export refused: %1 has %n warning(s). Tick “Allow warnings” to export anyway. Nothing was written.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="332"/>
        <source>Written: %1 (%2)</source>
        <translation>Written: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../export_dialog.py" line="336"/>
        <source>Exported despite %n warning(s):</source>
        <translation>
            <numerusform>Exported despite %n warning(s):</numerusform>
            <numerusform>Exported despite %n warning(s):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FillChart</name>
    <message>
        <location filename="../fill_chart.py" line="33"/>
        <source>Share of demo citizens for whom each report field is filled</source>
        <translation>Share of demo citizens for whom each report field is filled</translation>
    </message>
    <message>
        <location filename="../fill_chart.py" line="60"/>
        <source>Fill rate per field over %1 demo citizens</source>
        <translation>Fill rate per field over %1 demo citizens</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../validation_panel.py" line="48"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="48"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="48"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="48"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="49"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="49"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>equivalent</source>
        <translation>equivalent</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>source broader than target</source>
        <translation>source broader than target</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>source narrower than target</source>
        <translation>source narrower than target</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>related</source>
        <translation>related</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>not mapped</source>
        <translation>not mapped</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>in review</source>
        <translation>in review</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>Old table</source>
        <translation>Old table</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>Simplified table</source>
        <translation>Simplified table</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>Cura rule</source>
        <translation>Cura rule</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>Nexus rule</source>
        <translation>Nexus rule</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>retained</source>
        <translation>retained</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36"/>
        <source>outgoing</source>
        <translation>outgoing</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>assumed</source>
        <translation>assumed</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>function state</source>
        <translation>function state</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>health state</source>
        <translation>health state</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>The source code is in no catalog</source>
        <translation>The source code is in no catalog</translation>
    </message>
    <message>
        <location filename="../labels.py" line="56"/>
        <source>The source code belongs to the other catalog</source>
        <translation>The source code belongs to the other catalog</translation>
    </message>
    <message>
        <location filename="../labels.py" line="57"/>
        <source>The target is not a field of the report</source>
        <translation>The target is not a field of the report</translation>
    </message>
    <message>
        <location filename="../labels.py" line="58"/>
        <source>The same source → target row appears twice</source>
        <translation>The same source → target row appears twice</translation>
    </message>
    <message>
        <location filename="../labels.py" line="59"/>
        <source>A catalog state is neither mapped nor marked not mapped</source>
        <translation>A catalog state is neither mapped nor marked not mapped</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>A not-mapped row also names a target</source>
        <translation>A not-mapped row also names a target</translation>
    </message>
    <message>
        <location filename="../labels.py" line="61"/>
        <source>A mapping row has no target</source>
        <translation>A mapping row has no target</translation>
    </message>
    <message>
        <location filename="../labels.py" line="62"/>
        <source>A function state (with a level) is mapped to a problem area</source>
        <translation>A function state (with a level) is mapped to a problem area</translation>
    </message>
    <message>
        <location filename="../labels.py" line="64"/>
        <source>A health state is mapped to a function item</source>
        <translation>A health state is mapped to a function item</translation>
    </message>
    <message>
        <location filename="../labels.py" line="65"/>
        <source>The table&apos;s metadata is missing or invalid</source>
        <translation>The table&apos;s metadata is missing or invalid</translation>
    </message>
    <message>
        <location filename="../labels.py" line="66"/>
        <source>A row is missing a field or has an invalid value</source>
        <translation>A row is missing a field or has an invalid value</translation>
    </message>
    <message>
        <location filename="../labels.py" line="67"/>
        <source>The file is not valid YAML</source>
        <translation>The file is not valid YAML</translation>
    </message>
    <message>
        <location filename="../labels.py" line="68"/>
        <source>A state is both mapped and marked not mapped</source>
        <translation>A state is both mapped and marked not mapped</translation>
    </message>
    <message>
        <location filename="../labels.py" line="69"/>
        <source>A health state is mapped to another problem area than its own</source>
        <translation>A health state is mapped to another problem area than its own</translation>
    </message>
    <message>
        <location filename="../labels.py" line="71"/>
        <source>A published table has rows that are not approved</source>
        <translation>A published table has rows that are not approved</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="70"/>
        <source>Loading tables and citizens …</source>
        <translation>Loading tables and citizens …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="98"/>
        <location filename="../main_window.py" line="548"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="100"/>
        <source>Differences</source>
        <translation>Differences</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="102"/>
        <source>Catalogs</source>
        <translation>Catalogs</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="107"/>
        <source>Fill rates</source>
        <translation>Fill rates</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="113"/>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="118"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;opened&gt;</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="119"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153"/>
        <source>Vendor check</source>
        <translation>Vendor check</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206"/>
        <source>&amp;Open …</source>
        <translation>&amp;Open …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Open a mapping table or a citizen file</source>
        <translation>Open a mapping table or a citizen file</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="209"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="210"/>
        <source>Save the current table (keeps comments)</source>
        <translation>Save the current table (keeps comments)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211"/>
        <source>Save &amp;as …</source>
        <translation>Save &amp;as …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212"/>
        <source>&amp;Revert</source>
        <translation>&amp;Revert</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214"/>
        <source>Discard the edits of the current table</source>
        <translation>Discard the edits of the current table</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215"/>
        <source>Export preview as &amp;PDF …</source>
        <translation>Export preview as &amp;PDF …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="217"/>
        <source>&amp;Print preview …</source>
        <translation>&amp;Print preview …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>&amp;Export tables …</source>
        <translation>&amp;Export tables …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>Copy preview as &amp;image</source>
        <translation>Copy preview as &amp;image</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229"/>
        <source>&amp;Add row</source>
        <translation>&amp;Add row</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231"/>
        <source>&amp;Duplicate rows (1→N)</source>
        <translation>&amp;Duplicate rows (1→N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="234"/>
        <source>De&amp;lete rows</source>
        <translation>De&amp;lete rows</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="237"/>
        <source>A&amp;pprove selected</source>
        <translation>A&amp;pprove selected</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="240"/>
        <source>U&amp;n-approve selected</source>
        <translation>U&amp;n-approve selected</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="243"/>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="244"/>
        <source>Author &amp;name …</source>
        <translation>Author &amp;name …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="245"/>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Presentation mode</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249"/>
        <source>&amp;Next citizen</source>
        <translation>&amp;Next citizen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="252"/>
        <source>P&amp;revious citizen</source>
        <translation>P&amp;revious citizen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="255"/>
        <source>&amp;About fsiii-mapper</source>
        <translation>&amp;About fsiii-mapper</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="256"/>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="260"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="262"/>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="273"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="292"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="300"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="305"/>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="345"/>
        <source>untitled</source>
        <translation>untitled</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="360"/>
        <source>%1: %2 rows, %3 errors, %4 warnings</source>
        <translation>%1: %2 rows, %3 errors, %4 warnings</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="383"/>
        <source>Open table or citizen</source>
        <translation>Open table or citizen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="384"/>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML files (*.yaml *.yml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="409"/>
        <source>the table names an unknown catalog</source>
        <translation>the table names an unknown catalog</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="419"/>
        <source>Could not open the file</source>
        <translation>Could not open the file</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="448"/>
        <location filename="../main_window.py" line="467"/>
        <source>Could not save</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="450"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="460"/>
        <source>Save table as</source>
        <translation>Save table as</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="461"/>
        <source>Mapping tables (*.yaml *.yml)</source>
        <translation>Mapping tables (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="482"/>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="483"/>
        <source>Discard all edits of %1 since it was last saved?</source>
        <translation>Discard all edits of %1 since it was last saved?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="490"/>
        <source>Could not revert</source>
        <translation>Could not revert</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="498"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="499"/>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="543"/>
        <source>Export preview as PDF</source>
        <translation>Export preview as PDF</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="544"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="550"/>
        <source>Could not export</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="552"/>
        <source>Exported %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="565"/>
        <source>The preview is on the clipboard as an image</source>
        <translation>The preview is on the clipboard as an image</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="613"/>
        <source>Author name</source>
        <translation>Author name</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="614"/>
        <source>Name written as author of your changes (empty: %1):</source>
        <translation>Name written as author of your changes (empty: %1):</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="623"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="624"/>
        <source>The language changes the next time fsiii-mapper starts.</source>
        <translation>The language changes the next time fsiii-mapper starts.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="632"/>
        <source>About fsiii-mapper</source>
        <translation>About fsiii-mapper</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="633"/>
        <source>&lt;h3&gt;fsiii-mapper %1&lt;/h3&gt;&lt;p&gt;FSIII documentation → MedCom Indlæggelsesrapport (XDIS16): edit the mapping tables and see their effect.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;fsiii-mapper %1&lt;/h3&gt;&lt;p&gt;FSIII documentation → MedCom Indlæggelsesrapport (XDIS16): edit the mapping tables and see their effect.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="650"/>
        <source>no such citizen file or demo citizen</source>
        <translation>no such citizen file or demo citizen</translation>
    </message>
</context>
<context>
    <name>MappingTableModel</name>
    <message>
        <location filename="../table_model.py" line="141"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="142"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="143"/>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="144"/>
        <source>Target field</source>
        <translation>Target field</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="145"/>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="146"/>
        <source>Review status</source>
        <translation>Review status</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="147"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="148"/>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="149"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="207"/>
        <source>(unknown code)</source>
        <translation>(unknown code)</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="242"/>
        <source>Edit %1 in row %2</source>
        <translation>Edit %1 in row %2</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="275"/>
        <source>Add row</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="292"/>
        <source>Duplicate rows</source>
        <translation>Duplicate rows</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="299"/>
        <source>Delete rows</source>
        <translation>Delete rows</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../preview.py" line="138"/>
        <source>Report field</source>
        <translation>Report field</translation>
    </message>
    <message>
        <location filename="../preview.py" line="213"/>
        <location filename="../preview.py" line="250"/>
        <source>EMPTY – lost after the simplification</source>
        <translation>EMPTY – lost after the simplification</translation>
    </message>
    <message>
        <location filename="../preview.py" line="216"/>
        <source>EMPTY – no row fills it</source>
        <translation>EMPTY – no row fills it</translation>
    </message>
    <message>
        <location filename="../preview.py" line="217"/>
        <source>EMPTY – no data</source>
        <translation>EMPTY – no data</translation>
    </message>
    <message>
        <location filename="../preview.py" line="221"/>
        <source>(no score word)</source>
        <translation>(no score word)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="223"/>
        <source>%1 (level %2)</source>
        <translation>%1 (level %2)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="231"/>
        <source>from %1 %2 · status %3 · %4</source>
        <translation>from %1 %2 · status %3 · %4</translation>
    </message>
    <message>
        <location filename="../preview.py" line="239"/>
        <source>Filled under the old table, empty here.</source>
        <translation>Filled under the old table, empty here.</translation>
    </message>
    <message>
        <location filename="../preview.py" line="251"/>
        <source>EMPTY</source>
        <translation>EMPTY</translation>
    </message>
    <message>
        <location filename="../preview.py" line="255"/>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <location filename="../preview.py" line="255"/>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../preview.py" line="255"/>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <location filename="../preview.py" line="259"/>
        <source>score %1, level %2</source>
        <translation>score %1, level %2</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <location filename="../preview.py" line="288"/>
        <source>Citizen file …</source>
        <translation>Citizen file …</translation>
    </message>
    <message>
        <location filename="../preview.py" line="292"/>
        <source>&amp;Citizen</source>
        <translation>&amp;Citizen</translation>
    </message>
    <message>
        <location filename="../preview.py" line="294"/>
        <source>&amp;Vendor rule</source>
        <translation>&amp;Vendor rule</translation>
    </message>
    <message>
        <location filename="../preview.py" line="320"/>
        <source>Green ✔ filled · amber ⚠ EMPTY (hover for the reason) · red ✖ EMPTY – lost after the simplification (filled under the old table)</source>
        <translation>Green ✔ filled · amber ⚠ EMPTY (hover for the reason) · red ✖ EMPTY – lost after the simplification (filled under the old table)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="329"/>
        <source>Select a field to see where its value comes from.</source>
        <translation>Select a field to see where its value comes from.</translation>
    </message>
    <message>
        <location filename="../preview.py" line="436"/>
        <source>Empty fields</source>
        <translation>Empty fields</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../settings.py" line="43"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../settings.py" line="44"/>
        <source>Author of edits (empty: the operating system user)</source>
        <translation>Author of edits (empty: the operating system user)</translation>
    </message>
    <message>
        <location filename="../settings.py" line="46"/>
        <source>Recent files</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../settings.py" line="48"/>
        <source>Window geometry</source>
        <translation>Window geometry</translation>
    </message>
    <message>
        <location filename="../settings.py" line="50"/>
        <source>Window layout</source>
        <translation>Window layout</translation>
    </message>
    <message>
        <location filename="../settings.py" line="52"/>
        <source>Vendor rule in the preview</source>
        <translation>Vendor rule in the preview</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../table_editor.py" line="38"/>
        <source>Search source, state, target, comment …</source>
        <translation>Search source, state, target, comment …</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="43"/>
        <source>Only problems</source>
        <translation>Only problems</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="71"/>
        <source>Selected rows</source>
        <translation>Selected rows</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="78"/>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="78"/>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="79"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="106"/>
        <source>(all)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="154"/>
        <source>%1 of %2 rows shown · %3 rows with problems</source>
        <translation>%1 of %2 rows shown · %3 rows with problems</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="187"/>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="188"/>
        <source>Un-approve (back to draft)</source>
        <translation>Un-approve (back to draft)</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="189"/>
        <source>Set review status</source>
        <translation>Set review status</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="193"/>
        <source>Set relationship</source>
        <translation>Set relationship</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="203"/>
        <source>Set %1 on %2 rows</source>
        <translation>Set %1 on %2 rows</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="210"/>
        <source>Approve %1 rows</source>
        <translation>Approve %1 rows</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="215"/>
        <source>Un-approve %1 rows</source>
        <translation>Un-approve %1 rows</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <location filename="../validation_panel.py" line="110"/>
        <source>✔ No findings in either table</source>
        <translation>✔ No findings in either table</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="112"/>
        <source>%1 errors, %2 warnings</source>
        <translation>%1 errors, %2 warnings</translation>
    </message>
</context>
<context>
    <name>VendorFindingsModel</name>
    <message>
        <location filename="../vendor_tab.py" line="107"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="107"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="107"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="107"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="108"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="108"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="108"/>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="108"/>
        <source>Actual</source>
        <translation>Actual</translation>
    </message>
</context>
<context>
    <name>VendorTab</name>
    <message>
        <location filename="../vendor_tab.py" line="209"/>
        <source>XDIS16 files or a folder (searched for *.xml); several separated by %1</source>
        <translation>XDIS16 files or a folder (searched for *.xml); several separated by %1</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="211"/>
        <source>Files …</source>
        <translation>Files …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="212"/>
        <source>Folder …</source>
        <translation>Folder …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="214"/>
        <location filename="../vendor_tab.py" line="220"/>
        <source>Choose …</source>
        <translation>Choose …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="219"/>
        <source>optional: validate every file against an XSD</source>
        <translation>optional: validate every file against an XSD</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="223"/>
        <source>Check in this many processes (for large batches)</source>
        <translation>Check in this many processes (for large batches)</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="226"/>
        <source>Vendor files:</source>
        <translation>Vendor files:</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="230"/>
        <source>Citizens:</source>
        <translation>Citizens:</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="233"/>
        <source>XSD:</source>
        <translation>XSD:</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="236"/>
        <source>Strategy:</source>
        <translation>Strategy:</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="240"/>
        <source>Processes:</source>
        <translation>Processes:</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="246"/>
        <source>Run check</source>
        <translation>Run check</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="248"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="250"/>
        <source>%v of %m files</source>
        <translation>%v of %m files</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="264"/>
        <source>Filter findings (file, rule, field, text …)</source>
        <translation>Filter findings (file, rule, field, text …)</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="267"/>
        <source>All severities</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="270"/>
        <source>Open file</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="271"/>
        <source>Export report …</source>
        <translation>Export report …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="332"/>
        <source>Choose vendor files</source>
        <translation>Choose vendor files</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="333"/>
        <source>XDIS16 files (*.xml);;All files (*)</source>
        <translation>XDIS16 files (*.xml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="339"/>
        <source>Choose a folder of vendor files</source>
        <translation>Choose a folder of vendor files</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="345"/>
        <source>Choose the folder of citizen files</source>
        <translation>Choose the folder of citizen files</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="351"/>
        <source>Choose an XSD</source>
        <translation>Choose an XSD</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="352"/>
        <source>XML Schema (*.xsd);;All files (*)</source>
        <translation>XML Schema (*.xsd);;All files (*)</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="387"/>
        <source>Choose the vendor files or a folder first.</source>
        <translation>Choose the vendor files or a folder first.</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="391"/>
        <source>No such XSD file: %1</source>
        <translation>No such XSD file: %1</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="415"/>
        <source>Checking …</source>
        <translation>Checking …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="427"/>
        <source>Cancelling …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="451"/>
        <source>%1 of %2 files checked: %3 passed, %4 with errors.</source>
        <translation>%1 of %2 files checked: %3 passed, %4 with errors.</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="455"/>
        <source>Cancelled – the rest was not checked.</source>
        <translation>Cancelled – the rest was not checked.</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="467"/>
        <source>The check failed: %1</source>
        <translation>The check failed: %1</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="501"/>
        <source>Could not open %1</source>
        <translation>Could not open %1</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="504"/>
        <source>Opened %1 – the finding is on line %2.</source>
        <translation>Opened %1 – the finding is on line %2.</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="516"/>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="525"/>
        <source>Could not write the report: %1</source>
        <translation>Could not write the report: %1</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="529"/>
        <source>Report written: %1</source>
        <translation>Report written: %1</translation>
    </message>
</context>
</TS>
