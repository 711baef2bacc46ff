"""Rules of the vendor-file check (``FV…``); their checks are in ``fsiii_mapper.conformance``.

``FV0xx`` are about the file as a whole, ``FV1xx`` about function items, ``FV2xx`` about problem
areas. Ids never change meaning; a retired rule's id is never reused. The title is also the
finding's message (prefixed with the report field, followed by any detail).
"""

from __future__ import annotations

from fsiii_mapper.rules.rule import Rule
from fsiii_mapper.texts import N_

_COMPARE_WITH_TABLE = N_(
    "compare the export with the table the vendor rule selects for the citizen (see the preview)"
)

VENDOR_RULES: tuple[Rule, ...] = (
    Rule(
        "FV001",
        "unreadable-file",
        "error",
        N_("The file cannot be read"),
        N_(
            "The file could not be opened or read (permissions, a broken link, an I/O error), so "
            "nothing in it was checked."
        ),
        N_("check that the file exists and that the user running the check may read it"),
    ),
    Rule(
        "FV002",
        "file-too-large",
        "error",
        N_("The file is larger than the limit and is not read"),
        N_(
            "Files above the size limit are refused unread, so that one runaway export cannot "
            "exhaust the memory of a whole batch."
        ),
        N_("check the export: an admission report is far below the limit"),
    ),
    Rule(
        "FV003",
        "not-well-formed",
        "error",
        N_("The file is not well-formed XML"),
        N_(
            "The file breaks the rules of XML (an element not closed, a stray character), so no "
            "receiver can read it."
        ),
        N_("fix the XML at the line given"),
    ),
    Rule(
        "FV004",
        "dtd-not-allowed",
        "error",
        N_("The file contains a DTD or entity declaration; it is refused for safety"),
        N_(
            "A DTD or an entity declaration can make a parser fetch files or expand text without "
            "bound. Report files never need one, so the check refuses such files unread."
        ),
        N_("remove the DOCTYPE declaration from the export"),
    ),
    Rule(
        "FV005",
        "too-deep",
        "error",
        N_("Elements are nested too deeply"),
        N_(
            "Elements nested deeper than any admission report needs are refused, as a guard "
            "against broken or hostile files."
        ),
        N_("check the export for runaway nesting"),
    ),
    Rule(
        "FV006",
        "bad-encoding",
        "error",
        N_("The file has an invalid character encoding"),
        N_(
            "The bytes do not fit the declared character encoding (normally UTF-8), so Danish "
            "letters would be read wrongly."
        ),
        N_("write the file in the encoding its XML declaration names (UTF-8)"),
    ),
    Rule(
        "FV007",
        "empty-file",
        "error",
        N_("The file is empty"),
        N_("The file has no content. An export that produced nothing is an error, not a pass."),
        N_("check the export that wrote the file"),
    ),
    Rule(
        "FV008",
        "xsd-invalid",
        "error",
        N_("The file does not conform to the XSD"),
        N_(
            "The file breaks the XSD schema given for the check. Every schema error is a finding, "
            "up to a limit per file."
        ),
        N_("correct the element the schema error names"),
    ),
    Rule(
        "FV009",
        "check-failed",
        "error",
        N_("The file could not be checked: the check itself failed"),
        N_(
            "Something unexpected went wrong while this one file was checked (a bug in the "
            "checker, or a file shaped in a way it does not foresee). The file counts as failed; "
            "the other files of the batch are checked as usual."
        ),
        N_("report the error together with the file, so the check can be fixed"),
    ),
    Rule(
        "FV010",
        "unmatched-file",
        "error",
        N_("The file cannot be matched to a citizen (neither patient identifier nor file name)"),
        N_(
            "Each file is compared with the expected report of one citizen, found by the patient "
            "identifier in the file or else by the file name. When neither matches a known "
            "citizen, nothing can be compared."
        ),
        N_("name the file after the citizen, or write the citizen's identifier in the report"),
    ),
    Rule(
        "FV011",
        "patient-identifier-missing",
        "error",
        N_("The patient identifier is missing"),
        N_("The report has no patient identifier, so the hospital cannot tell whose it is."),
        N_("write the citizen's identifier in the patient element"),
    ),
    Rule(
        "FV012",
        "patient-identifier-wrong",
        "error",
        N_("The patient identifier is not the citizen's"),
        N_(
            "The patient identifier in the file differs from the identifier of the citizen the "
            "file was matched to, so the report may describe someone else."
        ),
        N_("check that the export wrote the right citizen's report"),
    ),
    Rule(
        "FV020",
        "wrong-namespace",
        "error",
        N_("Wrong XML namespace"),
        N_(
            "An element has the expected name but another XML namespace than the report layout "
            "names or accepts. A receiver that checks namespaces will not find it. A question of "
            "form: an error only where the layout entry is verified or with --strict-form."
        ),
        N_("use the namespace of the report layout"),
    ),
    Rule(
        "FV021",
        "wrong-root",
        "error",
        N_("Wrong root element"),
        N_(
            "The root element is not the one the report layout names, so the file is not an "
            "admission report of the expected kind."
        ),
        N_("check that the file is an admission report (XDIS16)"),
    ),
    Rule(
        "FV022",
        "wrong-letter-header",
        "error",
        N_("Wrong value in the letter header"),
        N_(
            "The letter header is missing, or one of its values (such as the message type or "
            "version) differs from the report layout, so a receiver may not recognise the message."
        ),
        N_("write the values of the report layout in the letter header"),
    ),
    Rule(
        "FV023",
        "misplaced-element",
        "warning",
        N_("The element is in an unexpected place"),
        N_(
            "An element the check reads stands under another parent than the report layout "
            "expects. It is still compared, but a strict receiver may miss it."
        ),
        N_("move the element under the parent the finding names"),
    ),
    Rule(
        "FV024",
        "wrapper-missing",
        "warning",
        N_("The function items are not in the wrapper element the report layout names"),
        N_(
            "The report layout wraps the function items in an element of their own (as the "
            "sibling discharge report XD1834C does); the file places them directly in their "
            "container. A question of form: an error only where the layout entry is verified "
            "or with --strict-form."
        ),
        N_("wrap the function items in the element the finding names, or correct the layout"),
    ),
    Rule(
        "FV025",
        "element-order",
        "warning",
        N_("Elements are not in the order of the report layout"),
        N_(
            "Elements stand in another order than the report layout gives. The content is still "
            "compared; a receiver that validates against the schema may refuse the file. A "
            "question of form: an error only where the layout entry is verified or with "
            "--strict-form."
        ),
        N_("write the elements in the order the layout entry the finding names gives"),
    ),
    Rule(
        "FV101",
        "function-item-missing",
        "error",
        N_("Function item missing"),
        N_(
            "The tables fill this function item for the citizen, but the file lacks it, so the "
            "hospital does not see the citizen's level."
        ),
        _COMPARE_WITH_TABLE,
    ),
    Rule(
        "FV102",
        "function-item-unexpected",
        "error",
        N_("Function item the tables do not fill for this citizen"),
        N_(
            "The file has a function item that the mapping tables do not fill for this citizen: "
            "the export sends something the tables do not map."
        ),
        _COMPARE_WITH_TABLE,
    ),
    Rule(
        "FV103",
        "wrong-score",
        "error",
        N_("Wrong score word"),
        N_(
            "The score word of a function item does not fit the level of the state that fills "
            "it, so the hospital reads a wrong level."
        ),
        N_("use the report layout's score word for the citizen's level"),
    ),
    Rule(
        "FV104",
        "function-item-wrong-code",
        "error",
        N_("Unknown or wrong code"),
        N_(
            "A function item carries a code that the report layout does not give the field, or "
            "no known code at all."
        ),
        N_("use the code of the report layout"),
    ),
    Rule(
        "FV105",
        "function-item-wrong-code-system",
        "error",
        N_("Wrong code system"),
        N_("The code system of a function item is not the one the report layout names."),
        N_("use the code system of the report layout"),
    ),
    Rule(
        "FV106",
        "function-item-wrong-description",
        "error",
        N_("Wrong code description"),
        N_(
            "The code description of a function item differs from the report layout's text for "
            "that code."
        ),
        N_("use the code description of the report layout"),
    ),
    Rule(
        "FV107",
        "function-item-duplicate",
        "error",
        N_("Function item occurs too many times"),
        N_(
            "A function item occurs more often than the tables fill it, so the hospital cannot "
            "tell which one holds."
        ),
        N_("send each function item once"),
    ),
    Rule(
        "FV108",
        "comment-differs",
        "warning",
        N_("The comment differs from the documentation"),
        N_(
            "The comment of a function item differs from the note in the citizen's "
            "documentation. An export may reformat the text, so this is a warning."
        ),
        N_("check that the export copies the state's note"),
    ),
    Rule(
        "FV109",
        "score-not-expected",
        "warning",
        N_("Score word where the level has none"),
        N_(
            "A function item carries a score word although the citizen's level has none in the "
            "report layout (for instance level 9, not relevant)."
        ),
        N_("leave the score empty, or add the score word to the report layout"),
    ),
    Rule(
        "FV110",
        "several-sources",
        "warning",
        N_("Several sources: the file carries one of the allowed values"),
        N_(
            "Several of the citizen's states fill this function item with different values, and "
            "the vendor rule's collapse (vendor_rules.yaml: a status that ranks first beats a "
            "later one, otherwise every value is allowed) allows more than one of them. The "
            "report carries one element, so the file picked one; the hospital does not see the "
            "others."
        ),
        N_(
            "check that the EOJ picks the value the municipality means, or correct the collapse "
            "of the vendor rule in vendor_rules.yaml"
        ),
    ),
    Rule(
        "FV201",
        "problem-area-missing",
        "error",
        N_("Problem area missing"),
        N_(
            "The tables fill this problem area for the citizen, but the file lacks it, so the "
            "hospital misses the nurse's assessment."
        ),
        _COMPARE_WITH_TABLE,
    ),
    Rule(
        "FV202",
        "problem-area-unexpected",
        "error",
        N_("Problem area the tables do not fill for this citizen"),
        N_("The file has a problem area that the mapping tables do not fill for this citizen."),
        _COMPARE_WITH_TABLE,
    ),
    Rule(
        "FV203",
        "problem-area-state-missing",
        "error",
        N_("The problem area text does not mention a state it should contain"),
        N_(
            "The free text of a problem area lists the states that fill it; a state the tables "
            "map to this area is not mentioned."
        ),
        N_("mention every mapped state in the area's text"),
    ),
    Rule(
        "FV204",
        "problem-area-wrong-code",
        "error",
        N_("Unknown or wrong code"),
        N_(
            "A problem area carries a code that the report layout does not give the area, or no "
            "known code at all."
        ),
        N_("use the code of the report layout"),
    ),
    Rule(
        "FV205",
        "problem-area-wrong-code-system",
        "error",
        N_("Wrong code system"),
        N_("The code system of a problem area is not the one the report layout names."),
        N_("use the code system of the report layout"),
    ),
    Rule(
        "FV206",
        "problem-area-wrong-description",
        "error",
        N_("Wrong code description"),
        N_(
            "The code description of a problem area differs from the report layout's text for "
            "that code."
        ),
        N_("use the code description of the report layout"),
    ),
    Rule(
        "FV207",
        "problem-area-duplicate",
        "error",
        N_("The problem area occurs more than once"),
        N_("A problem area occurs more than once; the states that fill it belong in one element."),
        N_("send each problem area once, with all its states"),
    ),
    Rule(
        "FV208",
        "problem-area-note-missing",
        "error",
        N_("The nurse's note of a state is missing from the problem area text"),
        N_(
            "The area text mentions the state but not the note documented with it (less than "
            "half of the note's words occur), so the hospital misses the nurse's assessment."
        ),
        N_("write each state's note after the state in the area text"),
    ),
    Rule(
        "FV209",
        "problem-area-note-changed",
        "warning",
        N_("The nurse's note of a state differs from the documentation"),
        N_(
            "The area text carries most of the words of the note documented with the state, but "
            "not the note as written. An export may reformat text, so this is a warning."
        ),
        N_("check that the export copies the state's note unchanged"),
    ),
)
