<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en">
<context>
    <name>CatalogBrowser</name>
    <message>
        <location filename="../catalog_browser.py" line="92"/>
        <source>Search key, UUID, display, area …</source>
        <translation>Søg nøgle, UUID, visningsnavn, område …</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="94"/>
        <source>Import KL CodeSystem for definitions …</source>
        <translation>Importér KL CodeSystem for definitioner …</translation>
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
        <translation>Importen mislykkedes</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="127"/>
        <source>Definitions imported</source>
        <translation>Definitioner importeret</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="128"/>
        <source>%1 definitions shown (kept only in this session).</source>
        <translation>%1 definitioner vises (gemmes kun i denne session).</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../catalog_browser.py" line="61"/>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="61"/>
        <source>Key</source>
        <translation>Nøgle</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="61"/>
        <source>Display</source>
        <translation>Visningsnavn</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="61"/>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="62"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="62"/>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="62"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="62"/>
        <source>Evidence</source>
        <translation>Evidens</translation>
    </message>
    <message>
        <location filename="../catalog_browser.py" line="63"/>
        <source>Successor</source>
        <translation>Efterfølger</translation>
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
        <translation>(intet mål)</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <location filename="../diff_view.py" line="68"/>
        <source>Change</source>
        <translation>Ændring</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="68"/>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="68"/>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="68"/>
        <source>Field</source>
        <translation>Felt</translation>
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
        <translation>tilføjet</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="78"/>
        <source>removed</source>
        <translation>fjernet</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="79"/>
        <source>changed</source>
        <translation>ændret</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../diff_view.py" line="94"/>
        <source>Compare with file …</source>
        <translation>Sammenlign med fil …</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="106"/>
        <source>Table A</source>
        <translation>Tabel A</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="106"/>
        <source>Table B</source>
        <translation>Tabel B</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="128"/>
        <source>%1 (open, with edits)</source>
        <translation>%1 (åben, med ændringer)</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="131"/>
        <source>%1 (last saved)</source>
        <translation>%1 (senest gemt)</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="145"/>
        <source>Compare with table</source>
        <translation>Sammenlign med tabel</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="146"/>
        <source>Mapping tables (*.yaml *.yml)</source>
        <translation>Mappingtabeller (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="166"/>
        <source>The tables are identical.</source>
        <translation>Tabellerne er ens.</translation>
    </message>
    <message>
        <location filename="../diff_view.py" line="168"/>
        <source>%1 added, %2 removed, %3 changed rows</source>
        <translation>%1 tilføjede, %2 fjernede, %3 ændrede rækker</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../export_dialog.py" line="77"/>
        <source>Export tables</source>
        <translation>Eksportér tabeller</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="102"/>
        <source>The guide always covers the pair: each table shown replaces the shipped table of its catalog.</source>
        <translation>Vejledningen dækker altid parret: hver viste tabel erstatter den medfølgende tabel for sit katalog.</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="107"/>
        <source>Browse …</source>
        <translation>Gennemse …</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="111"/>
        <source>Allow warnings</source>
        <translation>Tillad advarsler</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="112"/>
        <source>Export even if validation gives warnings; errors always stop the export</source>
        <translation>Eksportér selv om valideringen giver advarsler; fejl stopper altid eksporten</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="116"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="117"/>
        <source>Table:</source>
        <translation>Tabel:</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="119"/>
        <source>Tables:</source>
        <translation>Tabeller:</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="122"/>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="132"/>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="132"/>
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="132"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="133"/>
        <source>Severity</source>
        <translation>Alvor</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="133"/>
        <source>Message</source>
        <translation>Meddelelse</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="139"/>
        <source>Export</source>
        <translation>Eksportér</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="161"/>
        <source>CSV – one line per mapping row</source>
        <translation>CSV – én linje pr. mappingrække</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="162"/>
        <source>Excel workbook (XLSX) – a sheet per table</source>
        <translation>Excel-projektmappe (XLSX) – et ark pr. tabel</translation>
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
        <translation>Mappingvejledning for tabelparret (HTML)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="167"/>
        <source>Mapping guide for the table pair (PDF)</source>
        <translation>Mappingvejledning for tabelparret (PDF)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="248"/>
        <source>Export to</source>
        <translation>Eksportér til</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="266"/>
        <source>Choose at least one table.</source>
        <translation>Vælg mindst én tabel.</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="269"/>
        <source>Choose the file to export to.</source>
        <translation>Vælg filen, der skal eksporteres til.</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="273"/>
        <source>Overwrite?</source>
        <translation>Overskriv?</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="274"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 findes allerede. Vil du erstatte den?</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="290"/>
        <source>Could not write the file: %1</source>
        <translation>Filen kunne ikke skrives: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../export_dialog.py" line="312"/>
        <source>Export refused: %1 has %n validation error(s). Nothing was written.</source>
        <translation>
            <numerusform>Eksport afvist: %1 har %n valideringsfejl. Intet blev skrevet.</numerusform>
            <numerusform>Eksport afvist: %1 har %n valideringsfejl. Intet blev skrevet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../export_dialog.py" line="315"/>
        <source>Export refused: %1 has %n warning(s). Tick “Allow warnings” to export anyway. Nothing was written.</source>
        <translation>
            <numerusform>Eksport afvist: %1 har %n advarsel/advarsler. Sæt flueben ved “Tillad advarsler” for at eksportere alligevel. Intet blev skrevet.</numerusform>
            <numerusform>Eksport afvist: %1 har %n advarsel/advarsler. Sæt flueben ved “Tillad advarsler” for at eksportere alligevel. Intet blev skrevet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="332"/>
        <source>Written: %1 (%2)</source>
        <translation>Skrevet: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../export_dialog.py" line="336"/>
        <source>Exported despite %n warning(s):</source>
        <translation>
            <numerusform>Eksporteret trods %n advarsel/advarsler:</numerusform>
            <numerusform>Eksporteret trods %n advarsel/advarsler:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FillChart</name>
    <message>
        <location filename="../fill_chart.py" line="33"/>
        <source>Share of demo citizens for whom each report field is filled</source>
        <translation>Andel af demoborgerne, for hvem hvert rapportfelt er udfyldt</translation>
    </message>
    <message>
        <location filename="../fill_chart.py" line="60"/>
        <source>Fill rate per field over %1 demo citizens</source>
        <translation>Udfyldningsgrad pr. felt over %1 demoborgere</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../validation_panel.py" line="48"/>
        <source>Severity</source>
        <translation>Alvor</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="48"/>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="48"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="48"/>
        <source>Row</source>
        <translation>Række</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="49"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="49"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>equivalent</source>
        <translation>ækvivalent</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>source broader than target</source>
        <translation>kilden er bredere end målet</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>source narrower than target</source>
        <translation>kilden er snævrere end målet</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>related</source>
        <translation>relateret</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>not mapped</source>
        <translation>mappes ikke</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>draft</source>
        <translation>kladde</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>in review</source>
        <translation>til review</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>approved</source>
        <translation>godkendt</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>rejected</source>
        <translation>afvist</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>Old table</source>
        <translation>Gammel tabel</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>Simplified table</source>
        <translation>Forenklet tabel</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>Cura rule</source>
        <translation>Cura-regel</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>Nexus rule</source>
        <translation>Nexus-regel</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>retained</source>
        <translation>bevaret</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>new</source>
        <translation>ny</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36"/>
        <source>outgoing</source>
        <translation>udgående</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>unknown</source>
        <translation>ukendt</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>verified</source>
        <translation>verificeret</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>assumed</source>
        <translation>antaget</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>function state</source>
        <translation>funktionsevnetilstand</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>health state</source>
        <translation>helbredstilstand</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>error</source>
        <translation>fejl</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>warning</source>
        <translation>advarsel</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>The source code is in no catalog</source>
        <translation>Kildekoden findes ikke i noget katalog</translation>
    </message>
    <message>
        <location filename="../labels.py" line="56"/>
        <source>The source code belongs to the other catalog</source>
        <translation>Kildekoden hører til det andet katalog</translation>
    </message>
    <message>
        <location filename="../labels.py" line="57"/>
        <source>The target is not a field of the report</source>
        <translation>Målet er ikke et felt i rapporten</translation>
    </message>
    <message>
        <location filename="../labels.py" line="58"/>
        <source>The same source → target row appears twice</source>
        <translation>Den samme række kilde → mål optræder to gange</translation>
    </message>
    <message>
        <location filename="../labels.py" line="59"/>
        <source>A catalog state is neither mapped nor marked not mapped</source>
        <translation>En katalogtilstand er hverken mappet eller markeret som ikke mappet</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>A not-mapped row also names a target</source>
        <translation>En række markeret som ikke mappet angiver også et mål</translation>
    </message>
    <message>
        <location filename="../labels.py" line="61"/>
        <source>A mapping row has no target</source>
        <translation>En mappingrække har intet mål</translation>
    </message>
    <message>
        <location filename="../labels.py" line="62"/>
        <source>A function state (with a level) is mapped to a problem area</source>
        <translation>En funktionsevnetilstand (med niveau) er mappet til et problemområde</translation>
    </message>
    <message>
        <location filename="../labels.py" line="64"/>
        <source>A health state is mapped to a function item</source>
        <translation>En helbredstilstand er mappet til et funktionsevnefelt</translation>
    </message>
    <message>
        <location filename="../labels.py" line="65"/>
        <source>The table&apos;s metadata is missing or invalid</source>
        <translation>Tabellens metadata mangler eller er ugyldige</translation>
    </message>
    <message>
        <location filename="../labels.py" line="66"/>
        <source>A row is missing a field or has an invalid value</source>
        <translation>En række mangler et felt eller har en ugyldig værdi</translation>
    </message>
    <message>
        <location filename="../labels.py" line="67"/>
        <source>The file is not valid YAML</source>
        <translation>Filen er ikke gyldig YAML</translation>
    </message>
    <message>
        <location filename="../labels.py" line="68"/>
        <source>A state is both mapped and marked not mapped</source>
        <translation>En tilstand er både mappet og markeret som ikke mappet</translation>
    </message>
    <message>
        <location filename="../labels.py" line="69"/>
        <source>A health state is mapped to another problem area than its own</source>
        <translation>En helbredstilstand er mappet til et andet problemområde end sit eget</translation>
    </message>
    <message>
        <location filename="../labels.py" line="71"/>
        <source>A published table has rows that are not approved</source>
        <translation>En publiceret tabel har rækker, der ikke er godkendt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="70"/>
        <source>Loading tables and citizens …</source>
        <translation>Indlæser tabeller og borgere …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="98"/>
        <location filename="../main_window.py" line="548"/>
        <source>Preview</source>
        <translation>Forhåndsvisning</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="100"/>
        <source>Differences</source>
        <translation>Forskelle</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="102"/>
        <source>Catalogs</source>
        <translation>Kataloger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="107"/>
        <source>Fill rates</source>
        <translation>Udfyldningsgrad</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="113"/>
        <source>Validation</source>
        <translation>Validering</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="118"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;åbnet&gt;</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="119"/>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153"/>
        <source>Vendor check</source>
        <translation>Leverandørtjek</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206"/>
        <source>&amp;Open …</source>
        <translation>&amp;Åbn …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Open a mapping table or a citizen file</source>
        <translation>Åbn en mappingtabel eller en borgerfil</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="209"/>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="210"/>
        <source>Save the current table (keeps comments)</source>
        <translation>Gem den aktuelle tabel (kommentarer bevares)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211"/>
        <source>Save &amp;as …</source>
        <translation>Gem &amp;som …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212"/>
        <source>&amp;Revert</source>
        <translation>&amp;Fortryd alle ændringer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214"/>
        <source>Discard the edits of the current table</source>
        <translation>Kassér ændringerne i den aktuelle tabel</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215"/>
        <source>Export preview as &amp;PDF …</source>
        <translation>Eksportér forhåndsvisning som &amp;PDF …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="217"/>
        <source>&amp;Print preview …</source>
        <translation>&amp;Udskriv forhåndsvisning …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>&amp;Export tables …</source>
        <translation>&amp;Eksportér tabeller …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>Copy preview as &amp;image</source>
        <translation>Kopiér forhåndsvisning som &amp;billede</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223"/>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226"/>
        <source>&amp;Redo</source>
        <translation>&amp;Annullér fortryd</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229"/>
        <source>&amp;Add row</source>
        <translation>&amp;Tilføj række</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231"/>
        <source>&amp;Duplicate rows (1→N)</source>
        <translation>&amp;Dupliker rækker (1→N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="234"/>
        <source>De&amp;lete rows</source>
        <translation>S&amp;let rækker</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="237"/>
        <source>A&amp;pprove selected</source>
        <translation>&amp;Godkend valgte</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="240"/>
        <source>U&amp;n-approve selected</source>
        <translation>Fjern godk&amp;endelse af valgte</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="243"/>
        <source>&amp;Find</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="244"/>
        <source>Author &amp;name …</source>
        <translation>&amp;Forfatternavn …</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="245"/>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Præsentationstilstand</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249"/>
        <source>&amp;Next citizen</source>
        <translation>&amp;Næste borger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="252"/>
        <source>P&amp;revious citizen</source>
        <translation>&amp;Forrige borger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="255"/>
        <source>&amp;About fsiii-mapper</source>
        <translation>&amp;Om fsiii-mapper</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="256"/>
        <source>About &amp;Qt</source>
        <translation>Om &amp;Qt</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="260"/>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="262"/>
        <source>Open &amp;recent</source>
        <translation>Åbn &amp;seneste</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="273"/>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285"/>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="292"/>
        <source>&amp;Language</source>
        <translation>S&amp;prog</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="300"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="305"/>
        <source>Main toolbar</source>
        <translation>Hovedværktøjslinje</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="345"/>
        <source>untitled</source>
        <translation>uden navn</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="360"/>
        <source>%1: %2 rows, %3 errors, %4 warnings</source>
        <translation>%1: %2 rækker, %3 fejl, %4 advarsler</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="383"/>
        <source>Open table or citizen</source>
        <translation>Åbn tabel eller borger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="384"/>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML-filer (*.yaml *.yml);;Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="409"/>
        <source>the table names an unknown catalog</source>
        <translation>tabellen angiver et ukendt katalog</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="419"/>
        <source>Could not open the file</source>
        <translation>Filen kunne ikke åbnes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="448"/>
        <location filename="../main_window.py" line="467"/>
        <source>Could not save</source>
        <translation>Kunne ikke gemme</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="450"/>
        <source>Saved %1</source>
        <translation>Gemt: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="460"/>
        <source>Save table as</source>
        <translation>Gem tabel som</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="461"/>
        <source>Mapping tables (*.yaml *.yml)</source>
        <translation>Mappingtabeller (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="482"/>
        <source>Revert</source>
        <translation>Fortryd alle ændringer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="483"/>
        <source>Discard all edits of %1 since it was last saved?</source>
        <translation>Kassér alle ændringer i %1 siden den sidst blev gemt?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="490"/>
        <source>Could not revert</source>
        <translation>Kunne ikke genindlæse</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="498"/>
        <source>Unsaved changes</source>
        <translation>Ikke-gemte ændringer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="499"/>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 har ændringer, der ikke er gemt. Vil du gemme dem?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="543"/>
        <source>Export preview as PDF</source>
        <translation>Eksportér forhåndsvisning som PDF</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="544"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="550"/>
        <source>Could not export</source>
        <translation>Kunne ikke eksportere</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="552"/>
        <source>Exported %1</source>
        <translation>Eksporteret: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="565"/>
        <source>The preview is on the clipboard as an image</source>
        <translation>Forhåndsvisningen er kopieret som billede</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="613"/>
        <source>Author name</source>
        <translation>Forfatternavn</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="614"/>
        <source>Name written as author of your changes (empty: %1):</source>
        <translation>Navn, der skrives som forfatter til dine ændringer (tomt: %1):</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="623"/>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="624"/>
        <source>The language changes the next time fsiii-mapper starts.</source>
        <translation>Sproget skifter næste gang fsiii-mapper startes.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="632"/>
        <source>About fsiii-mapper</source>
        <translation>Om fsiii-mapper</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="633"/>
        <source>&lt;h3&gt;fsiii-mapper %1&lt;/h3&gt;&lt;p&gt;FSIII documentation → MedCom Indlæggelsesrapport (XDIS16): edit the mapping tables and see their effect.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;fsiii-mapper %1&lt;/h3&gt;&lt;p&gt;FSIII-dokumentation → MedCom Indlæggelsesrapport (XDIS16): redigér mappingtabellerne og se deres virkning.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="650"/>
        <source>no such citizen file or demo citizen</source>
        <translation>ingen sådan borgerfil eller demoborger</translation>
    </message>
</context>
<context>
    <name>MappingTableModel</name>
    <message>
        <location filename="../table_model.py" line="141"/>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="142"/>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="143"/>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="144"/>
        <source>Target field</source>
        <translation>Målfelt</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="145"/>
        <source>Relationship</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="146"/>
        <source>Review status</source>
        <translation>Reviewstatus</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="147"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="148"/>
        <source>Author</source>
        <translation>Forfatter</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="149"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="207"/>
        <source>(unknown code)</source>
        <translation>(ukendt kode)</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="242"/>
        <source>Edit %1 in row %2</source>
        <translation>Ret %1 i række %2</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="275"/>
        <source>Add row</source>
        <translation>Tilføj række</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="292"/>
        <source>Duplicate rows</source>
        <translation>Dupliker rækker</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="299"/>
        <source>Delete rows</source>
        <translation>Slet rækker</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../preview.py" line="138"/>
        <source>Report field</source>
        <translation>Rapportfelt</translation>
    </message>
    <message>
        <location filename="../preview.py" line="213"/>
        <location filename="../preview.py" line="250"/>
        <source>EMPTY – lost after the simplification</source>
        <translation>TOM – tabt efter forenklingen</translation>
    </message>
    <message>
        <location filename="../preview.py" line="216"/>
        <source>EMPTY – no row fills it</source>
        <translation>TOM – ingen række udfylder feltet</translation>
    </message>
    <message>
        <location filename="../preview.py" line="217"/>
        <source>EMPTY – no data</source>
        <translation>TOM – ingen data</translation>
    </message>
    <message>
        <location filename="../preview.py" line="221"/>
        <source>(no score word)</source>
        <translation>(intet scoreord)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="223"/>
        <source>%1 (level %2)</source>
        <translation>%1 (niveau %2)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="231"/>
        <source>from %1 %2 · status %3 · %4</source>
        <translation>fra %1 %2 · status %3 · %4</translation>
    </message>
    <message>
        <location filename="../preview.py" line="239"/>
        <source>Filled under the old table, empty here.</source>
        <translation>Udfyldt under den gamle tabel, tom her.</translation>
    </message>
    <message>
        <location filename="../preview.py" line="251"/>
        <source>EMPTY</source>
        <translation>TOM</translation>
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
        <translation>tabel</translation>
    </message>
    <message>
        <location filename="../preview.py" line="259"/>
        <source>score %1, level %2</source>
        <translation>scoreord %1, niveau %2</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <location filename="../preview.py" line="288"/>
        <source>Citizen file …</source>
        <translation>Borgerfil …</translation>
    </message>
    <message>
        <location filename="../preview.py" line="292"/>
        <source>&amp;Citizen</source>
        <translation>&amp;Borger</translation>
    </message>
    <message>
        <location filename="../preview.py" line="294"/>
        <source>&amp;Vendor rule</source>
        <translation>&amp;Leverandørregel</translation>
    </message>
    <message>
        <location filename="../preview.py" line="320"/>
        <source>Green ✔ filled · amber ⚠ EMPTY (hover for the reason) · red ✖ EMPTY – lost after the simplification (filled under the old table)</source>
        <translation>Grøn ✔ udfyldt · gul ⚠ TOM (hold musen over for årsagen) · rød ✖ TOM – tabt efter forenklingen (udfyldt under den gamle tabel)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="329"/>
        <source>Select a field to see where its value comes from.</source>
        <translation>Vælg et felt for at se, hvor værdien kommer fra.</translation>
    </message>
    <message>
        <location filename="../preview.py" line="436"/>
        <source>Empty fields</source>
        <translation>Tomme felter</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../settings.py" line="43"/>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../settings.py" line="44"/>
        <source>Author of edits (empty: the operating system user)</source>
        <translation>Forfatter til ændringer (tom: styresystemets bruger)</translation>
    </message>
    <message>
        <location filename="../settings.py" line="46"/>
        <source>Recent files</source>
        <translation>Seneste filer</translation>
    </message>
    <message>
        <location filename="../settings.py" line="48"/>
        <source>Window geometry</source>
        <translation>Vinduets placering</translation>
    </message>
    <message>
        <location filename="../settings.py" line="50"/>
        <source>Window layout</source>
        <translation>Vinduets layout</translation>
    </message>
    <message>
        <location filename="../settings.py" line="52"/>
        <source>Vendor rule in the preview</source>
        <translation>Leverandørregel i forhåndsvisningen</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../table_editor.py" line="38"/>
        <source>Search source, state, target, comment …</source>
        <translation>Søg kilde, tilstand, mål, kommentar …</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="43"/>
        <source>Only problems</source>
        <translation>Kun problemer</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="71"/>
        <source>Selected rows</source>
        <translation>Valgte rækker</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="78"/>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="78"/>
        <source>Relationship</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="79"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="106"/>
        <source>(all)</source>
        <translation>(alle)</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="154"/>
        <source>%1 of %2 rows shown · %3 rows with problems</source>
        <translation>%1 af %2 rækker vist · %3 rækker med problemer</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="187"/>
        <source>Approve</source>
        <translation>Godkend</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="188"/>
        <source>Un-approve (back to draft)</source>
        <translation>Fjern godkendelse (tilbage til kladde)</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="189"/>
        <source>Set review status</source>
        <translation>Sæt reviewstatus</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="193"/>
        <source>Set relationship</source>
        <translation>Sæt relation</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="203"/>
        <source>Set %1 on %2 rows</source>
        <translation>Sæt %1 på %2 rækker</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="210"/>
        <source>Approve %1 rows</source>
        <translation>Godkend %1 rækker</translation>
    </message>
    <message>
        <location filename="../table_editor.py" line="215"/>
        <source>Un-approve %1 rows</source>
        <translation>Fjern godkendelse af %1 rækker</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <location filename="../validation_panel.py" line="110"/>
        <source>✔ No findings in either table</source>
        <translation>✔ Ingen fund i nogen af tabellerne</translation>
    </message>
    <message>
        <location filename="../validation_panel.py" line="112"/>
        <source>%1 errors, %2 warnings</source>
        <translation>%1 fejl, %2 advarsler</translation>
    </message>
</context>
<context>
    <name>VendorFindingsModel</name>
    <message>
        <location filename="../vendor_tab.py" line="107"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="107"/>
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="107"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="107"/>
        <source>Severity</source>
        <translation>Alvor</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="108"/>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="108"/>
        <source>Message</source>
        <translation>Meddelelse</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="108"/>
        <source>Expected</source>
        <translation>Forventet</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="108"/>
        <source>Actual</source>
        <translation>Faktisk</translation>
    </message>
</context>
<context>
    <name>VendorTab</name>
    <message>
        <location filename="../vendor_tab.py" line="209"/>
        <source>XDIS16 files or a folder (searched for *.xml); several separated by %1</source>
        <translation>XDIS16-filer eller en mappe (der søges efter *.xml); flere adskilt af %1</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="211"/>
        <source>Files …</source>
        <translation>Filer …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="212"/>
        <source>Folder …</source>
        <translation>Mappe …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="214"/>
        <location filename="../vendor_tab.py" line="220"/>
        <source>Choose …</source>
        <translation>Vælg …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="219"/>
        <source>optional: validate every file against an XSD</source>
        <translation>valgfrit: validér hver fil mod en XSD</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="223"/>
        <source>Check in this many processes (for large batches)</source>
        <translation>Tjek i så mange processer (til store mængder)</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="226"/>
        <source>Vendor files:</source>
        <translation>Leverandørfiler:</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="230"/>
        <source>Citizens:</source>
        <translation>Borgere:</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="233"/>
        <source>XSD:</source>
        <translation>XSD:</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="236"/>
        <source>Strategy:</source>
        <translation>Strategi:</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="240"/>
        <source>Processes:</source>
        <translation>Processer:</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="246"/>
        <source>Run check</source>
        <translation>Kør tjek</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="248"/>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="250"/>
        <source>%v of %m files</source>
        <translation>%v af %m filer</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="264"/>
        <source>Filter findings (file, rule, field, text …)</source>
        <translation>Filtrér fund (fil, regel, felt, tekst …)</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="267"/>
        <source>All severities</source>
        <translation>Alle alvorsgrader</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="270"/>
        <source>Open file</source>
        <translation>Åbn fil</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="271"/>
        <source>Export report …</source>
        <translation>Eksportér rapport …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="332"/>
        <source>Choose vendor files</source>
        <translation>Vælg leverandørfiler</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="333"/>
        <source>XDIS16 files (*.xml);;All files (*)</source>
        <translation>XDIS16-filer (*.xml);;Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="339"/>
        <source>Choose a folder of vendor files</source>
        <translation>Vælg en mappe med leverandørfiler</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="345"/>
        <source>Choose the folder of citizen files</source>
        <translation>Vælg mappen med borgerfiler</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="351"/>
        <source>Choose an XSD</source>
        <translation>Vælg en XSD</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="352"/>
        <source>XML Schema (*.xsd);;All files (*)</source>
        <translation>XML-skema (*.xsd);;Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="387"/>
        <source>Choose the vendor files or a folder first.</source>
        <translation>Vælg først leverandørfilerne eller en mappe.</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="391"/>
        <source>No such XSD file: %1</source>
        <translation>XSD-filen findes ikke: %1</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="415"/>
        <source>Checking …</source>
        <translation>Tjekker …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="427"/>
        <source>Cancelling …</source>
        <translation>Annullerer …</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="451"/>
        <source>%1 of %2 files checked: %3 passed, %4 with errors.</source>
        <translation>%1 af %2 filer tjekket: %3 bestået, %4 med fejl.</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="455"/>
        <source>Cancelled – the rest was not checked.</source>
        <translation>Annulleret – resten blev ikke tjekket.</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="467"/>
        <source>The check failed: %1</source>
        <translation>Tjekket mislykkedes: %1</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="501"/>
        <source>Could not open %1</source>
        <translation>Kunne ikke åbne %1</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="504"/>
        <source>Opened %1 – the finding is on line %2.</source>
        <translation>Åbnede %1 – fundet er på linje %2.</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="516"/>
        <source>Export report</source>
        <translation>Eksportér rapport</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="525"/>
        <source>Could not write the report: %1</source>
        <translation>Rapporten kunne ikke skrives: %1</translation>
    </message>
    <message>
        <location filename="../vendor_tab.py" line="529"/>
        <source>Report written: %1</source>
        <translation>Rapport skrevet: %1</translation>
    </message>
</context>
</TS>
