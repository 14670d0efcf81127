"""Every threshold of the detector, named once, with what it trades.

Raising a threshold trades recall for precision unless its comment says
otherwise.  The sensitivity presets are the user-facing knob; everything
else here was set on the benchmark's dev split (``python -m benchmarks``).
"""

from __future__ import annotations

# --------------------------------------------------------------------------- presets
SENSITIVITY: dict[str, dict[str, float]] = {
    # threshold: minimum score of a finding; min_length: minimum letters in a fragment; llr: minimum
    # summed log10 frequency ratio (foreign vs expected) of a Latin span.
    "strict": {"threshold": 0.7, "min_length": 3, "llr": 5.0},
    "balanced": {"threshold": 0.5, "min_length": 2, "llr": 4.0},
    "aggressive": {"threshold": 0.35, "min_length": 1, "llr": 3.0},
}
ALL_KINDS = ("script", "latin", "homoglyph", "document", "mojibake")
CONTEXTS = ("menu", "boilerplate", "caption", "quote", "gloss", "body")

# --------------------------------------------------------------------------- script stage
HOMOGLYPH_SCORE = 0.95  # a Latin word with look-alike letters: certain once every foreign letter is a look-alike
BRIDGE_MAX_GAP = 8  # same-script runs join over at most this many neutral characters (longer: two findings)
GREEK_MIN_WORD = 3  # Greek letters shorter than this are symbols (α-helix, Δt), longer words are Greek text
LATIN_IN_FOREIGN_MIN_WORDS = 3  # Latin words inside non-Latin text: fewer are names, brands and code
LATIN_IN_FOREIGN_MIN_P = 0.5  # ... and the model must hear a foreign Latin language at least this surely
ROMANISED_NAME_SHARE = 0.5  # a run on a non-Latin page, every word capitalised, this share of them rare in the model's language, is a name
UI_PHRASE_MIN_WORDS = 2  # fewer Latin words on a non-Latin page are never read (a lone "Menu", "Video": design labels)
UI_PHRASE_ZIPF = 3.0  # a shorter run, or one the model is unsure of, is a UI string when every word is this everyday
# Languages that write compounds as one word ("Dateiinhalte", "gegevensbestand", "filsystemet"): a word of
# COMPOUND_MIN_LETTERS or more their lexicon does not list, made of two listed words of COMPOUND_MIN_PART letters or
# more (each at least COMPOUND_PART_ZIPF there and more common there than in English), is a word of theirs, as
# common as its rarer part less COMPOUND_DISCOUNT (setup._compound_zipf). Lower COMPOUND_PART_ZIPF: more compounds
# read as the language's words, and more foreign words split into rare parts taken for them.
COMPOUNDING_LANGS = frozenset({"de", "nl", "sv", "da", "no"})
COMPOUND_MIN_LETTERS = 8
COMPOUND_MIN_PART = 3
COMPOUND_PART_ZIPF = 3.0
COMPOUND_DISCOUNT = 1.0
ELIDING_LANGS = frozenset({"fr", "it", "ca"})  # expected languages whose articles and pronouns elide before a vowel
ELISION_MAX_LETTERS = 6  # "l'", "qu'", "jusqu'", "lorsqu'", "dell'": an elision this long before the apostrophe
UI_BLOCK_MIN_ITEMS = 3  # lines in a row of everyday Latin UI words on a non-Latin page that make a menu (fewer: labels)
UI_BLOCK_MAX_ITEMS = 8  # (enough lines read to decide; bounded work per run)
UI_PHRASE_SCORE = 0.8  # ... (and one is lowercase, and it stands apart from prose); lower Zipf: names and terms too
LATIN_IN_FOREIGN_CONTENT_LETTERS = 4  # a lowercase Latin word this long makes a run inside non-Latin prose a
# sentence, not a name ("Kindle for PC" has none); shorter words are particles of names ("of", "for")
SCRIPT_SCORE_BASE = 0.6  # score of a foreign-script run: base + per-letter bonus (longer runs are surer)
SCRIPT_SCORE_PER_LETTER = 0.05
SCORE_CAP = 0.99  # no finding claims certainty

# --------------------------------------------------------------------------- Latin stage: screen
SCREEN_MIN_ZIPF = 3.0  # expected words at least this frequent never make a line suspect (lower: fewer lines read)
# Short everyday words of another language that English knows too ("les", "des", "est", "une", "het"):
# the screen lets them through (English uses them, "de Gaulle", "par"), yet two of them, or one beside a word
# English hardly uses, make up most foreign word pairs. Such a word is read (only in short units: a line of
# its own, an appended short sentence, a quoted phrase, judged by lingua and the lexicons) when another
# shipped language uses it at least FOREIGN_COMMON_MIN_ZIPF and FOREIGN_COMMON_MARGIN more often than the
# expected language. Lower either: more pairs found, more English lines read (and a higher risk of alarms).
# (One-letter words only when not ASCII: French "à", Portuguese "é"; "a", "e", "i" are words of many.)
FOREIGN_COMMON_MIN_ZIPF = 5.5
FOREIGN_COMMON_MARGIN = 2.0
LONG_LINE_WORDS = 8  # a single odd word in a line longer than this is a name or loanword, not a foreign span
CAPS_ONLY_LINE_WORDS = 4  # in lines longer than this, suspects seen only capitalised are names
LINE_CACHE_SIZE = 20_000  # scored lines remembered per Detector (cleared when full: bounded memory)
MAX_HINT_LANGS = 2  # lexicons scored per line from its everyday words (more: slower, a little more recall)
ENGLISH_HINT_ZIPF = 5.0  # on a page not expected in English, a suspect word this common in English counts once more
# for English among the line's languages: every language's web text uses "by", "for", "the", so they hint all
# alike, and "Photo Illustration by ... for The New York Times" on a Spanish page was tried as French and Czech
MODEL_PROBE_MIN_P = 0.08  # a language the model hears in a line this surely is scored too
MODEL_PROBE_LANGS = 3  # ... at most this many of them
MIN_UNSEEN_FOR_PROBE = 2  # unseen words needed before the model is asked for languages when hints exist

# --------------------------------------------------------------------------- Latin stage: word evidence
LOANWORD_SCORE = -0.5  # a loanword English uses is mild evidence of English
NAME_WEIGHT = 0.5  # a capitalised word inside a sentence counts half: it may be a name
ONE_LETTER_WEIGHT = 0.3  # one-letter words ("a", "e", "i") are weak evidence in every language
ALPHABET_BONUS = 1.0  # Zipf given to an unknown word spelt with the language's own letters (é, ł, ő)
WORD_SCORE_CAP = 3.0  # no single word counts more than this (a typo cannot make a span on its own)
STRONG_WORD = 0.5  # a word scoring above this is strong evidence for the foreign language
GROW_OVER = -1.0  # a span grows over neighbouring words scoring above this (names, numbers' neighbours)
FILL_MIN_SHARE = 0.3  # the spans of a unit, of one language, holding this share of its words grow to the
FILL_MAX_COMMON_SHARE = 0.25  # whole unit when at most this share of the words it left out are expected words:
FILL_WORD_LETTERS = 3  # this long, at least FILL_EXPECTED_ZIPF in the expected language and more common there
FILL_EXPECTED_ZIPF = 3.0  # than in the span's ("remembers" is; "as", "cairys" in a Manx sentence are not).
# More share or fewer letters: English words beside a foreign sentence join it ("Rob Lowe remembers a ...").
EXPECTED_COMMON_ZIPF = 3.5  # a word this frequent in the expected language counts as expected (no-lexicon path)
EVERYDAY_ZIPF = 4.0  # a capitalised word this common in the candidate language is a word of it, not a name
NOUNS_CAPITALISED = frozenset({"de"})  # lexicons of languages that capitalise every noun (German)
TITLE_LINE_MIN_WORDS = 6  # a title-case line this long whose words are mostly (TITLE_LINE_FOREIGN_SHARE) everyday
TITLE_LINE_FOREIGN_SHARE = 0.6  # in another language and hardly used in the expected one (Zipf below
TITLE_LINE_EXPECTED_ZIPF = 3.0  # TITLE_LINE_EXPECTED_ZIPF) is a foreign headline, not a name: it is read
CAPITAL_EVERYDAY_WORDS = 2  # a line whose capitalised suspects hold this many everyday German words is read
LOWERCASE_FOREIGN_WORDS = 3  # ... as is one whose lowercase words, at least this many, are all suspects or short
# everyday words of another language ("zur", "von"); fewer: names with particles ("Museo de la Ciudad") are read
CAPITAL_NOUNS_ALONE = 3  # capitalised everyday German words making a whole sentence on their own
CAPITAL_UNHEARD_NOUNS_ALONE = 2  # ... or this many, when every word of the unit is everyday German and below
CAPITAL_UNHEARD_EXPECTED_ZIPF = 3.0  # this Zipf in the expected language ("Alle Menschen"; "Deutsche Bank" is
# known to English at 3.7). Higher: German names English writes about ("Bayern München") read as German lines

# --------------------------------------------------------------------------- Latin stage: span decision
WHOLE_UNIT_STRONG_FACTOR = 0.7  # a whole line/sentence/menu item needs this share of the word evidence (0.75 missed
# "Share this:" on an Indonesian page, whose web lexicon holds English at about 2 Zipf below English)
WHOLE_UNIT_WEAK_FACTOR = 0.5  # ... or this share when it holds a single strong word
PROPOSAL_FACTOR = 0.5  # spans are proposed from this share of the evidence (cheap to propose, decided later)
MIN_SPAN_LETTERS = 3  # fewer letters than this: too short to tell
INSIDE_SENTENCE_STRONG = 3  # strong words needed for a span inside an English sentence
MODEL_HEARS_EXPECTED = 0.35  # the model hearing the expected language this surely vetoes a span
MODEL_UNSURE = 0.4  # the model must hear the foreign language at least this surely...
MODEL_UNSURE_STRONG_WORDS = 0.25  # ... or this surely when the word evidence is 1.25x what is needed
STRONG_EVIDENCE_FACTOR = 1.25
VERY_STRONG_EVIDENCE_FACTOR = 2.0  # word evidence this many times the need overrides an unsure model...
VERY_STRONG_MAX_EXPECTED = 0.1  # ... when the model hears the expected language less than this
LOW_EXPECTED = 0.2  # the "1.25x" rule holds when the model hears the expected language less than this
ALT_LEXICON_SHARE = 0.6  # when the model names another language, its lexicon must explain this share of the evidence
ALT_MODEL_P = 0.7  # ... or, without a lexicon, the model must be this sure
MODEL_RENAMES_SHARE = 0.5  # fastText's top language renames a span only when at least this share as sure as the
# lexicons' language (with its family); below, the lexicons' language is kept
LINGUA_ASKED_BELOW = 0.55  # when fastText names a span's language less surely than this, lingua is asked ...
LINGUA_RENAMES_P = 0.9  # ... and renames it when at least this sure (more calls: slower, better names)
EVIDENCE_SCALE = 1.5  # word evidence reaching this multiple of the need gives the full word half of the score
NO_LEXICON_MIN_WORDS = 3  # languages without a lexicon: a unit needs this many words ...
NO_LEXICON_MODEL_P = 0.9  # ... the model this sure ...
NO_LEXICON_MAX_COMMON = 0.25  # ... and at most this share of common expected words

# --------------------------------------------------------------------------- names of works and page terms
TITLE_MAX_WORDS = 4  # a quoted phrase of at most this many capitalised words is a title or a name
TITLE_MIN_WORDS = 3  # a phrase of at least this many words inside prose (TITLE_PROSE_WORDS other words on its
# line, no menu separators: "Aviso de Privacidad | Contacto" is a UI string), whose every word ...
TITLE_PROSE_WORDS = 3
TITLE_CONTENT_LETTERS = 4  # ... of this many letters or more is capitalised, is a title ("The Death and Life of"),
# when its capitalised words are at least twice its lowercase ones ("Location of Najd is in Iraq" is a sentence)
TITLE_CASE_MAX_WORDS = 8  # a title in its language's title case inside a line of prose holds at most this many words
TAG_MEAN_WORDS = 4  # a line of more than four comma-separated items this short on average, without a
# full stop, is a keyword list
TAG_LIST_MIN_ITEMS = 4  # a finding that is itself a list of this many lowercase comma-separated keywords after a
TAG_LABEL_MAX_WORDS = 2  # label of at most this many words and a colon ("Tags:") is a tag cloud (text.keyword_list)
TAG_LIST_WHOLE_SHARE = 0.9  # in a comma-separated keyword list, only a finding this much of the line stands
RECUR_MAX_WORDS = 3  # a finding of at most this many words that recurs in expected text is the page's term ...
RECUR_MIN_WORDS = 2  # ... when a line holding it has at least this many other words ...
RECUR_COMMON_ZIPF = 4.0  # ... most of them at least this common in the expected language (and more than in
# the finding's language: "Impressum und Datenschutz" is German, whatever English's web list holds of "und")
APPOSITIVE_WORDS = 5  # a short phrase opening its line, then a comma and this many words mostly common in the
# expected language ("Zerkalo dlya geroya, a Soviet Union film by"), is a name described by a list entry
RECUR_MAX_LOOKS = 50  # occurrences looked at per finding (bounded work on long texts)
CONTEXT_WINDOW = 400  # characters of a finding's line read either side of it by these tests (long lines)

# --------------------------------------------------------------------------- repeated page furniture
REPEAT_MAX_WORDS = 3  # a line of its own of at most this many words ...
REPEAT_MIN = 3  # ... repeated at least this many times in the text is template furniture ...
REPEAT_WORD_LLR = 1.0  # ... foreign when each word is at least this much (log10) more common in one language
REPEAT_WORD_ZIPF = 3.5  # ... and at least this common there
REPEAT_WEAK_SEARCH = 20_000_000  # unknown words x text length up to which their repeats are counted (C speed)

# --------------------------------------------------------------------------- short UI lines of another language
# (furniture.foreign_ui_lines) An item of a menu or sidebar block ("Search", "World", "Entries RSS") whose every
# word is everyday in one other language (Zipf >= UI_WORD_ZIPF there, more common there, or shared: UI_SHARED_*),
# together UI_LINE_LLR (log10) more common there, is that language's furniture when fastText (lowercased) hears
# the language at least UI_MODEL_MIN_P and the expected one below MODEL_HEARS_EXPECTED, and the block around it
# holds more items of that language than of the expected one (or its whole menu row is of that language, or
# it is a phrase the page repeats, UI_REPEAT_*, beside another short line of that language already found).
# Lower UI_WORD_ZIPF or UI_LINE_LLR: more UI strings found, more names of sections and works taken for them.
UI_MAX_WORDS = 3  # words of an item (a line of its own, or a part of a menu row); more: titles read as UI strings
UI_ROW_MAX_WORDS = 12  # words of a line read as a row of such items (bounded work; rows are split into items)
UI_WORD_ZIPF = 4.0  # everyday: rarer words make titles and names ("Zerkalo dlya geroya"), not UI strings
UI_LINE_LLR = 0.75  # ("User" on a French page: 0.83) lower: loanwords the expected language uses count
UI_MODEL_MIN_P = 0.1  # fastText on one or two words is weak; higher: one-word items lost ("World": 0.10)
UI_SHARED_MARGIN = 0.5  # a word everyday in both, at most this much more common in the expected language, is shared
# (higher: the expected language's loanwords count for the other language)
UI_WINDOW = 3  # non-blank lines read either side of it (stopping at prose) for the block it sits in ...
UI_LOOK_LINES = 100  # ... looking at most this many lines (blank ones included) either side
UI_MENU_END_FOREIGN = 2  # an item followed by prose needs this many items of its language before it, none expected
UI_REPEAT_MIN = 2  # a phrase of UI_REPEAT_MIN_WORDS+ words the page repeats this often as a line of its own, on a
UI_UNHEARD_ZIPF = 2.0  # a UI line whose every word the expected language hardly knows (below this Zipf) ...
UI_UNHEARD_MODEL_P = 0.8  # ... and the model hears as its language this surely needs no neighbours of its language
UI_GRAMMAR_MARGIN = 2.0  # so does a phrase with a lowercase word this much more common (Zipf) in its language ("to")
UI_GRAMMAR_WORD_MAX = 3  # letters of such a word that the "hardly knows" test above passes over ("de", "du", "la")
UI_REPEAT_MIN_WORDS = 2  # page with other short lines of its language found, is furniture wherever it stands
# (ui_catalog.catalog_lines) An English UI string that the expected language's own WordPress and Django translators
# translate (models/ui-strings.tsv: "Back", "Search for:", "Uncategorized"), standing as an item of its own on a
# page in that language, is untranslated page furniture, with no neighbours needed.
UI_CATALOG_MAX_WORDS = 5  # words of such a string (the catalogs' short strings; longer ones are sentences)
UI_CATALOG_MARGIN = 1.0  # its words more common in English than in the expected language, one by this much (Zipf);
# lower: the expected language's own words that the catalogs also list ("Art", translated "Kunst") are found
UI_CATALOG_SCORE = 0.9  # raw score (calibrated like every Latin finding)
# (ui_foreign.foreign_catalog_lines) A UI string of another language's catalogs (models/ui-foreign.tsv: "Impressum",
# "Weiterlesen", "Política de privacidad") standing as an item of its own is that language's page furniture, with
# no neighbours needed, when the expected language hardly knows its long words and the model or a word list hears
# the language. Raise UI_FOREIGN_EXPECTED_ZIPF: catalog strings that are also rarer English words ("Cyan") found.
UI_FOREIGN_LONG_WORD = 4  # letters of a word the tests below read (short ones are grammar: "de" in "Política de ...")
UI_FOREIGN_EXPECTED_ZIPF = 2.5  # each such word below this Zipf in the expected language ("Data", "Film": English)
UI_FOREIGN_MODEL_P = 0.5  # fastText (lowercased) hears the language at least this surely ...
UI_FOREIGN_LEXICON_ZIPF = 3.0  # ... or its word list knows each long word at least this well (fastText hears
# little in one word: "Impressum" is pt 0.20 to it) ...
UI_FOREIGN_UNKNOWN_ZIPF = 1.0  # ... and the expected language not at all (English knows "Roboto", a font: 1.8)
UI_FOREIGN_GAP_MAX = 12  # characters of blanks and separators between such an item and a found neighbour whose
# language it then takes when its catalogs list that language too (one block, one language)
UI_FOREIGN_LOOK = 6  # candidates looked at either side of it for that neighbour (bounded work)
UI_FOREIGN_ACRONYM_MAX = 4  # a single word in capitals of at most this many letters is an acronym ("AP", "XUL")
# (latin_common.next_to_a_name) One capitalised word on a line of its own, next to a line of capitalised words that
# are no everyday words anywhere and rarer than NAME_LINE_EXPECTED_ZIPF in the expected language ("Grendel"), is a
# name in a list of names ("Minimo", a Mozilla product and an Italian word). Higher: more lists of names recognised,
# and a foreign word beside a brand's name lost. Lines longer than NAME_LINE_MAX_CHARS are not read as names.
NAME_LINE_EXPECTED_ZIPF = 3.0
NAME_LINE_MAX_CHARS = 60
NAME_LINE_MAX_CHARS = 60  # characters of a line read as such a name (longer: prose, not read)
NAME_LINE_EXPECTED_ZIPF = 3.0  # a one-word catalog string next to a line of capitalised words that are no everyday
# words anywhere and rarer than this in the expected language ("Grendel") is a name in a list of names ("Minimo",
# a Mozilla product). Higher: more such lists recognised, and a foreign footer link beside a brand name lost
# (ui_blocks.foreign_blocks) BLOCK_MIN_LINES short lines or more, one after the other, each with at least half of
# its words rare in the expected language, read together by the model: one finding when it hears one other
# Latin-script language surely. Lower BLOCK_MIN_LINES or BLOCK_MODEL_P: smaller blocks found, and more lists of
# names and places of one country taken for its UI.
BLOCK_MIN_LINES = 3
BLOCK_LINE_MAX_WORDS = 4  # a UI string of a sidebar or footer ("Lämna ett svar"); longer lines are read as prose
BLOCK_GAP_LINES = 1  # other short lines allowed between two lines of a block ("Tags" among Swedish items)
BLOCK_RARE_ZIPF = 2.5  # a word the expected language hardly uses
BLOCK_MODEL_P = 0.6  # how surely the model must hear the block's language (with its family)
BLOCK_MAX_EXPECTED = 0.1  # ... and at most this much of the expected languages
BLOCK_KNOWN_ZIPF = 2.0  # a word of the heard language's lexicon (lower: names in the lexicon pass as words)
BLOCK_KNOWN_SHARE = 0.6  # lines whose every word its lexicon (or spelling list) holds (lower: lists of names found)
LIST_TITLE_MIN_WORDS = 4  # (furniture.grow_title_lists) a found line of its own this long is a title whose
LIST_ITEM_MAX_WORDS = 12  # ... neighbour lines of at most this many words (longer: prose, which the span decision reads)
LIST_OWN_SHARE = 0.6  # ... with at least this share of everyday words of its language (names and numbers aside) ...
LIST_MODEL_MIN_P = 0.5  # ... and the model hearing the language at least this surely are titles of it too
# (lower either: an English page's names and headings next to a found foreign title taken as its language)
UI_GROW_ZIPF = 3.0  # a line next to a found line of another language is one too when its words are this common
# there and unknown to the expected language ("Impressum" beside "Datenschutz"; lower: more names taken)
UI_EXPECTED_ZIPF = 3.0  # an item holding a word this common in the expected language ...
UI_EXPECTED_MARGIN = 1.0  # ... and this much more common there than in the other language is an expected item

# --------------------------------------------------------------------------- merging Latin findings
MERGE_SAME_LINE_GAP = 4  # same-language findings on one line join over at most this many separator characters
MERGE_NEXT_LINE_GAP = 20  # ... or over one line break within this many characters (a sentence cut in two)

# --------------------------------------------------------------------------- Latin stage: whole foreign units
WHOLE_UNIT_MIN_SUSPECTS = 2  # a line with fewer suspect words holds no sentence that is foreign as a whole
WHOLE_UNIT_MIN_WORDS = 6  # a unit of at least this many words is judged whole first (shorter: word by word)
WHOLE_LINE_MIN_WORDS = 4  # ... or this many, when the unit is a line of its own
WHOLE_UNIT_COMMON_ZIPF = 3.0  # words at least this common in the expected language count as expected
WHOLE_UNIT_MAX_COMMON = 0.3  # at most this share of expected words for the unit to be foreign as a whole ...
WHOLE_UNIT_MAX_COMMON_LINGUA = 0.6  # ... or this share, when lingua alone is sure (short shared words: a, in, na)
WHOLE_UNIT_EXPECTED_RUN = 3  # ... and no run of this many expected words (an expected sentence holding a fragment)
WHOLE_UNIT_MIN_LOWER = 3  # and at least this many lowercase words (rows of capitalised words are names)
WHOLE_UNIT_LIST_COMMAS = 0.3  # a unit with at least this many commas per word is a list (names, handles, tags)
WHOLE_UNIT_MAX_EXPECTED = 0.05  # fastText may hear the expected language at most this much ...
WHOLE_UNIT_LINGUA_MAX_EXPECTED = 0.02  # ... else lingua, asked instead, at most this much
LINGUA_OVERRULES_P = 0.99  # lingua this sure overrules fastText hearing the expected language in a unit
# of few expected words (fastText hears English in Swahili it cannot place) ...
LINGUA_OVERRULES_UNKNOWN = 0.6  # ... whose words are mostly unknown to the expected lexicon
WHOLE_UNIT_FASTTEXT_SURE = 0.8  # with many shared short words, fastText alone decides only when this sure
WHOLE_UNIT_SHORT_LETTERS = 3  # (whole_units) words this short are left out when the unit's words are weighed
# against the language the models hear (short words are everyday in many web lists: shared noise)

# --------------------------------------------------------------------------- Latin stage: the segmentation
# Two states per word, expected (E) and foreign (F), decoded by Viterbi over a unit's words; the lexicon
# evidence (foreign vs expected lexicon) and the unknown-word evidence below are segmented alike.
SWITCH_COST = 1.2  # log-cost of switching between E and F (higher: fewer, longer spans)
LEXICON_SWITCH_COST = SWITCH_COST
UNKNOWN_WORD_LLR = 1.5  # a lowercase word the expected lexicon has never seen: evidence for F
UNKNOWN_ACCENTED_LLR = 2.0  # ... spelt with letters outside ASCII
UNKNOWN_TITLE_LLR = 0.4  # ... capitalised inside a sentence: maybe a name, weak evidence
KNOWN_COMMON_ZIPF = 3.0  # expected words at least this common are E evidence, growing with their Zipf ...
KNOWN_WORD_SLOPE = 0.7  # ... at this slope above 1 ...
KNOWN_WORD_CAP = 2.5  # ... up to this much
KNOWN_RARE_ZIPF = 2.5  # between this and the common level: mild E evidence ...
KNOWN_UNCOMMON_LLR = -0.3
KNOWN_RARE_LLR = 0.4  # ... rarer still: weak F evidence (wordfreq's English holds foreign noise; lingua confirms)
UNKNOWN_MIN_WORDS = 3  # a span of fewer words is a name or a term unless it is a whole unit or quoted
UNKNOWN_AFTER_LEXICONS_MIN_WORDS = 4  # ... or of fewer than this many when the lexicons proposed spans on the
# line that were all rejected (Maori read as Latvian, Latin as Italian): the words no lexicon explains are
# then segmented the same way (3 words let "Laa ikroha fid diin", Arabic transliterated in Indonesian, through)
UNKNOWN_MIN_LOWER = 2  # unknown lowercase words needed in a span (capitalised-only spans are names)
# lingua must name the span's language at least this surely (close languages share the rest: zu/xh,
# st/tn) ...
LINGUA_MIN_P = 0.5
LINGUA_MAX_EXPECTED = 0.05  # ... and hear the expected language at most this much
# (latin_common.label_by_words) when lingua and fastText name different languages for a foreign span, fastText's
# is reported when its lexicon knows every word, this share of them at this Zipf or more, and the words are more
# common there by LABEL_MARGIN a word; spans of fewer words keep lingua's. Lower the Zipf, share or margin: more
# spans relabelled, some of them (a Latin or Swahili phrase whose words a web list holds) wrongly.
LABEL_KNOWN_ZIPF = 2.5
LABEL_KNOWN_SHARE = 0.75
LABEL_MARGIN = 1.0
LABEL_MIN_WORDS = 2
LABEL_ONE_UNKNOWN_FROM = 4  # a span of this many words may hold one word the lexicon does not know ("hexdump")
LABEL_SHORT_LETTERS, LABEL_LONG_WORDS = 3, 2  # at least 2 words longer than 3 letters (short ones are everyday
# words of many languages: "o ti lo" decides nothing)
LABEL_RELABEL_TOP, LABEL_RELABEL_MIN_P = 5, 0.03  # (latin_common.relabel) fastText's languages tried for a found span

# --------------------------------------------------------------------------- Latin stage: short units
SHORT_RARE_ZIPF = 2.5  # a short unit is judged when it holds a word rarer than this in the expected language
SHORT_LINE_CHARS = 40  # a line this short is judged as one short unit
SHORT_UNIT_MAX_WORDS = 5  # a line of its own or an appended sentence of at most this many words ...
SHORT_QUOTE_MAX_WORDS = 40  # ... or a quoted phrase of at most this many, is judged by lingua (a quoted
# sentence of 21-40 words was left to the word-by-word path, where a language without a lexicon is found
# only as runs of unknown words: Latin and Maori quoted sentences 60 % found at 20, 80-93 % at 40; the
# pattern reading quotes stops at 200 characters anyway)
SHORT_COMMON_ZIPF = 4.0  # at most half its words may be this common in the expected language
SHORT_KNOWN_ZIPF = 2.0  # words at least this common in the expected language must be everyday elsewhere too
SHORT_MAX_EXPECTED = 0.02  # lingua may hear the expected language at most this much in it ...
SHORT_SPELLED_MAX_EXPECTED = 0.05  # ... or this much, when every word is in the named language's spelling
# list or unknown to the expected lexicon (lingua gives English 2-5 % in "van ons", "enige land")
SHORT_PAIR_MIN_P = 0.15  # ... and, for a few words, name a language at least this surely (it is unsure
# which language two words are in long before it is unsure they are foreign)
SHORT_UNSURE_MAX_WORDS = 5  # ... a unit of at most this many words (2-3 before: lingua, with no model for
# Uzbek, spreads "Hech qanday fayl topilmadi" over Azeri, Somali, Setswana, none above 0.5, hearing no English)
SHORT_ALT_LANGS = 3  # lingua's top languages tried in turn for a short unit (its runner-up is often right)
SHORT_MODEL_ALT_P = 0.9  # ... then fastText's language, when it is this sure (lower: more of fastText's guesses tried)
SHORT_PARTICLE_LETTERS = 2  # words this short ("le", "na", "ya") are shared particles, not evidence either way
SHORT_LONG_QUOTE_WORDS = 5  # a quoted phrase of this many words is judged like a whole sentence ...
SHORT_QUOTE_MAX_COMMON = 0.5  # ... with at most this share of everyday expected words
SHORT_QUOTE_NAMES = 2  # ... and, holding this many capitalised words after its first, not one fastText hears as
# the expected language (MODEL_HEARS_EXPECTED): names between English words. Lower: foreign quotes with a name lost

# --------------------------------------------------------------------------- language menus
MENU_CODE_SWITCHER_MIN = 3  # language codes in capitals, one a line, that make a switcher (with the page's own code)
MENU_COLUMN_MIN_FOUND = 3  # item lines found in one language that make a one-item-a-line menu found whole (fewer: lone UI strings)
MENU_ITEM_MAX_WORDS = 5  # a menu item longer than this is a sentence: the line is not a menu
MENU_SPACE_RUN = 3  # ... unless it holds a run of this many language names with only blank space between them
# (menu links the page's extraction left unseparated: "Language: English Deutsch Français Español")
MENU_SCORE = 0.9  # raw score of a language menu item naming another language (calibrated like the rest)
MENU_LONE_MAX_EXPECTED_ZIPF = 3.0  # a lone one-word name this common in the expected language is a word of it
MENU_ITEM_MAX_EXPECTED_ZIPF = 6.0  # ... and, in a list, one this common is one of its function words ("akan")
MENU_OTHER_WORD_MAX_EXPECTED_ZIPF = 3.0  # other words of an item rarer than this in English belong to the item
MENU_BLOCK_MIN_FOREIGN = 2  # a menu of names is found whole when at least this many items name foreign languages
MENU_FILLER_MAX_WORDS = 3  # an unnamed line this short between named lines is a menu item too ("Bân-lâm-gú")
MENU_FILLER_RUN = 2  # ... when at most this many of them follow each other (CLDR lacks some wiki languages)
MENU_PREPOSITION_ZIPF = 5.0  # a word this common in the named language before the name ("en", "em") is its

# --------------------------------------------------------------------------- context
GLOSS_LINE_MAX_WORDS = 15  # "term (translation)" is a gloss only on a line this short (longer: prose)
GLOSS_ROW_MAX_ITEMS = 3  # a term in another script opening a row of at most this many items, the others Latin and the
# last in the expected language, is labelled with its transliteration and translation: a gloss, not a menu
GLOSS_TERM_MAX_WORDS = 4  # a term this short with an English translation in brackets after it is a gloss
GLOSS_ABOUT_WINDOW = 60  # characters either side of a quoted finding where a word about language ("means",
# "the word", a language's name) makes it a discussed example; further away it says nothing about the quote
GLOSS_BRACKET_MAX = 120  # a term's spelling in another script beside it (context._spelled_in_other_script) stands in
# a bracket at most this long; a longer bracket is an aside, whose foreign words are not a spelling
GLOSS_SPELLING_MAX_WORDS = 6  # ... and holds at most this many words (a romanised title; longer: a sentence)
GLOSS_BRACKET_GAP = 8  # ... and a bracket after the term starts at most this many characters of space or quotes on
GLOSS_TRANSLATION_LINES = 8  # a passage in another script on lines of its own is a quotation with its translation when,
# within this many lines (blank ones and more of the passage skipped), a quoted line in the expected language follows
GLOSS_LINE_MAX = 1000  # ... reading only lines of at most this many characters (a longer line is prose, and the
# work per candidate stays bounded on a text of one huge line)
GLOSS_PASSAGE_MIN_LETTERS = 20  # ... when the passage holds at least this many letters (a verse, not a word on its line)
GLOSS_WORD_ZIPF = 3.0  # a translation beside a term: most of its words at least this common in the expected language
BOILERPLATE_MAX_WORDS = 6  # a foreign line of its own this short is a UI string or footer

# --------------------------------------------------------------------------- document stage
DOC_MIN_LETTERS = 40  # shorter texts are never a document finding (fragments say enough)
DOC_MIN_SHARE = 0.25  # share of letters in foreign findings before the whole is considered
DOC_SURE_SHARE = 0.8  # at this share the text is a document finding without asking the model
DOC_MODEL_MIN_LETTERS = 400  # between the two shares, the model is asked only about texts this long
DOC_MODEL_TEXT = 4000  # characters of the text's prose the model reads to judge the whole
DOC_PROSE_LINE_WORDS = 8  # lines of at least this many words are prose (menus and bylines are not)
DOC_MIN_PROSE = 200  # with less prose than this, the model reads the start of the text instead
DOC_MID_SHARE = 0.4  # fragments covering this share need the model at DOC_MID_P with the expected at most DOC_MID_EXP
DOC_MID_P, DOC_MID_EXP = 0.7, 0.2
DOC_LOW_P, DOC_LOW_EXP = 0.85, 0.05  # below DOC_MID_SHARE the model must be surer
DOC_LINGUA_P = 0.95  # lingua's certainty about a page's prose when fastText is unsure (fragments cover >= DOC_MID_SHARE)
# A text plainly in another language is decided before any line is read (issue 10: its lines are never read one
# by one). The gate: few of its distinct words are common words of the expected language; then fastText must be
# this sure of one other language (with its family: Indonesian and Malay), hearing this little of the expected ones, in its prose from the start and from
# the end. On the dev and held-out data every text it decides was a document finding in that language already.
DOC_FIRST_MAX_COMMON = 0.6  # at most this share of the distinct folded words on the expected screen list
DOC_FIRST_MIN_WORDS = 20  # and at least this many distinct words
DOC_FIRST_P, DOC_FIRST_EXP = 0.9, 0.05
