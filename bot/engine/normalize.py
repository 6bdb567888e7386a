"""Turn a raw chat message into folded tokens, a language and the years it names."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.engine.spelling import in_dictionary
from srom_data.text import fold

MAX_CHARS = 500  # a question longer than this is cut: nobody asks a SROM question in more

_SLACK_MENTION = re.compile(r"<[@#!][^>]*>")
_SLACK_LINK = re.compile(r"<(https?://|mailto:)[^>|]*(\|([^>]*))?>")
_URL = re.compile(r"https?://\S+|www\.\S+")
_AT_WORD = re.compile(r"(?<!\w)@[\w.\-]+")
_EMOJI_CODE = re.compile(r":[a-z0-9_+\-]+:")
# a letter typed three times or more; \1\1+, not \1{2,}: a repeat of a back-reference is set up at every letter, where
# a single back-reference fails at once (most letters are not doubled)
_REPEATS = re.compile(r"([a-z])\1\1+")
_ELISION = re.compile(r"\b(?:l|d|qu|j|n|s|c|t|m|jusqu|lorsqu|puisqu)'")
_NON_WORD = re.compile(r"[^a-z0-9\-]+")
_WORD_BYTES = bytes(
    c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789-" else 32 for c in range(256)
)  # others: spaces

# Words that carry the question's shape, not its subject: they must never drive entity matching.
STOPWORDS_FR = frozenset(
    """a au aux avec ce ces cet cette c ca comment dans de des du d elle en est et etait etaient il ils je
    la le les leur leurs l lui ma mais me mes moi mon ne nous on ou où par pas pour qu que quel quelle
    quelles quels qui quoi sa se ses son sont sur ta te tes toi ton tu un une vos votre vous y sera
    seront est-ce qu-est-ce etre ete fait faire font peux peut pouvez veux voudrais savoir dire dis
    donne donner moi svp stp merci bien alors donc aussi tout tous toute toutes quand ou combien cela
    ceci ici chez vers via selon sous entre depuis jusqu a-t-il a-t-elle y-a-t-il ya il-y-a-t-il
    aura auront avait avaient t-on au juste fera feront faut pourquoi deja encore vraiment exactement
    tres trop assez plutot pres dont ont apres soit soient serait seraient cote comme peu non oui avoir parce
    quelque chose plus truc trucs machin qq1 qqn qqun quelqu qqch
    contre jour jours maintenant hier sais fonctionne fonctionnent utilise utilises utiliser rendre devient
    deviennent devenir""".split()
)
STOPWORDS_EN = frozenset(
    """a an the of in on at for to by with from is are was were be been being do does did what which who
    whom whose how when where why this that these those it its there their they them we you your i me my
    please can could would should will shall tell show give about into as and or not any some s t ll re ve
    d m has have had between across since during than then also each every all there here get got out up off
    over under like just know come comes came running help helps quick one still whole entire per via
    something anything everything more much very really actually""".split()
)
# Words of the domain's vocabulary that say what is asked, not about what.
QUESTION_WORDS = frozenset(
    """mode modes managed handled handle run organised organized organise status statut annee year years
    type niveau level etat lieux projection horizon cible ici baseline target actuellement aujourd hui moment
    plutot termes
    today currently nowadays now globalement global globale overall finalement final enfin
    evolution evolutions evolue evolve evolved change changed changes changement changements trajectoire
    historique history periode periodes period periods over time timeline compare comparaison
    gere geree gerees geres gerer organisee organisees manages manage handles sert servent servir
    occupe occupent occuper soccupe""".split()
)
# Words that shape a listing question ("quelles activités ..."), never a subject.
LISTING_WORDS = frozenset(
    """activites activities activite activity processus process processes trucs choses things""".split()
)
_NOT_CONTENT = STOPWORDS_FR | STOPWORDS_EN | QUESTION_WORDS | LISTING_WORDS  # one set to look a word up in
# Phrases that name the question's subject in general ("mode de gestion"): removed before matching entities.
_GENERIC_PHRASES = re.compile(
    # not "mode Management en 2017 ?": a mode asked of the finance map's "Management"
    r"\b(?:modes? de (?:gestion|fonctionnement|gouvernance)|management modes?|modes? of management|"
    r"au fil du temps|over time|"  # "le mode a changé au fil du temps": no "temps" of the absences
    r"etat des lieux?|etat d avancement)\b"  # a year, a progress: not "l'État" the COM is signed with
)
# Ordinals written short ("la 1ère action", "1st"), in words
_ORDINALS = {
    "1ere": "premiere",
    "1re": "premiere",
    "1er": "premier",
    "1st": "first",
    "2e": "deuxieme",
    "2eme": "deuxieme",
    "2nd": "second",
}
_ORDINAL_HEADS = frozenset(o[:2] for o in _ORDINALS)  # "1e", "1r", "1s", "2e", "2n"
_ORDINAL = re.compile(r"\b(" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")\b")
# How a request is phrased, which says nothing of its topic ("walk me through", "dis-moi", "j'aimerais savoir"):
# neither content words nor the asker's own case.
REQUEST = re.compile(
    r"\b(?:walk me through|tell me(?: more)?(?: about)?|(?:can|could) you (?:tell|show|explain)(?: me)?|"
    r"i(?: would| d)? like to know|explain(?: to me)?|dis moi|dites moi|(?:peux tu|pouvez vous) me dire|"
    r"j aimerais savoir|je voudrais savoir|explique(?:z)? moi|montre(?:z)? moi|j ai besoin (?:de la|du|des|de l|d|de)|"
    r"il me faut|i(?: would| d)? need|je cherche|i m looking for|"
    r"(?:tu peux|peux tu|pouvez vous|vous pouvez) m aider|aide(?:z)? moi|(?:can|could) you help(?: me)?|help me)\b"
)

ENGLISH_MARKERS = frozenset(
    """what which who whom how does do is are the for in of handled managed show list tell meaning mean
    means difference between commitments commitment activities function functions chair chairs sits signs
    arbitrates decides when where why please hello hi thanks help whats pls trend over time legal watch
    payroll treasury recruitment training server servers customer customers supplier suppliers invoicing
    accounting assets fixed bank banking purchasing procurement users user helpdesk
    hardware network security skills evaluations appraisals dashboards stand letters
    explain and or with about map blocks changed evolve evolved describe pooled pooling integrated
    harmonised harmonized autonomy governance board assembly chairman fund mgmt commit committed history historical
    progress status trajectory translate into receivable payable
    timeline between since across were has have rules rule can legally its their there thx ty cheers""".split()
)
# The domain's words both languages write alike ("support utilisateurs", "fonds social", "élections IRP"): no marker
# of either, but words the speller corrects toward like the markers ("suport")
SHARED_WORDS = frozenset("support social declarations elections plan".split())
FRENCH_MARKERS = frozenset(
    """quel quelle quels quelles qui que quoi comment est sont le la les des du de pour en au aux avec
    c'est qu'est ce cette gestion bonjour salut merci aide activites fonction engagements
    difference entre veut dire signifie""".split()
)

# Function words of one language only count for it ("can you book me a room" is English though it names no topic).
_ENGLISH = ENGLISH_MARKERS | (STOPWORDS_EN - STOPWORDS_FR - {"a", "on", "in", "me", "do", "is", "s", "t", "d", "m"})
_FRENCH = FRENCH_MARKERS | (STOPWORDS_FR - STOPWORDS_EN - {"a", "on", "me", "ou", "est", "y", "d"})
_FRENCH_LETTER = re.compile(r"[éèêàùçœ]")
_IN_YEAR = re.compile(r"\b[Ii]n (?:19|20)\d\d\b")
_UPPER_IT = re.compile(r"(?<![A-Za-z])IT(?![A-Za-z])")
# The State (the COM is concluded with it), not a state of play ("état des lieux", "état d'avancement")
_THE_STATE = re.compile(r"\b(?:[EÉ]tat|(?:avec|de|par) l['’ ][eé]tat)\b(?! des lieux| d['’ ]avancement)")


def says_the_state(text: str) -> bool:
    """The text names the State ("l'État", "conclue avec l'état"), not a state of play ("état des lieux")."""
    return bool(_THE_STATE.search(text))


# "it"/"is" typed small that can only be the IT: after an article ("the it map") or before a noun of a function ("it
# commitments", "is activities"); never the pronoun nor the verb ("is it pooled?", "it is")
_IT_NOUNS = (
    r"activit(?:y|ies)|commitments?|functions?|department|dept|maps?|budget|teams?|staff|tools|systems|side|part|"
    r"helpdesk|support|governance|management|purchas\w*|servers?|security|projects?|director\w*|infrastructure|"
    r"services?|audit|blocks?|modes?|people|costs?|review|activit\w*"
)
_SMALL_IT = re.compile(
    rf"\b(?:(?:the|our|regional|whole|big) it\b(?! (?:is|was|has|will|does|did|be)\b)|it (?={_IT_NOUNS}\b)|"
    r"(?:in|under) it(?=\s*(?:[,:]|in\b|for\b|20\d\d|$)))|^it\s*[:,-]"
)
_SMALL_IS = re.compile(rf"\b(?:(?:the|regional) is (?={_IT_NOUNS}\b)|(?<!what )(?<!which )is (?=function|activities))")
_UPPER_IS = re.compile(r"(?<![A-Za-z])IS(?![A-Za-z])")  # "the IS function": information systems, not "is"
# "si on délègue …", "si la paie …": the French "if", written small before a subject, is not the IT function (SI)
# The network of the chambers ("dans le réseau", "la tête de réseau"), not the IT's ("architecture réseau")
_THE_NETWORK = re.compile(r"\b(?:du|le|au|notre|tete de) reseau\b(?! (?:informatique|et sec\w*|securite|wifi|local))")
_END_OF = re.compile(r"\bfin d(?:e|u|es)?\b")  # "fin" is the end, not the finance function ("FIN")
_IF = re.compile(
    r"(?<![^\W\d_])(?<!les )(?<!le )(?<!des )(?<!du )(?<!nos )(?<!the )"  # "fusionner les si des cci": the IT
    r"si (?=(?:on|je|j'|tu|il|ils|elle|elles|nous|vous|c'|ça|ca|la|le|les|l'|un|une|des)(?![^\W\d_]))"
)
_YEAR_4 = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# (the look-ahead on the letters that can start a match first: a position where none stands is passed at once,
# not tried against each alternative)
_YEAR_2 = re.compile(r"(?=[edi'])(?:\ben\s+|'|\bd'ici\s+|\bin\s+)(\d\d)\b")
_YEAR_PHRASES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\betat des lieux?\b|\bbaseline\b|\binitial\b|\bdepart\b|\bau depart\b"), 0),
    (re.compile(r"\bstatut\b|\bstatus\b|\bbilan\b"), 1),
    (re.compile(r"\bprojection\b|\bprojete\b|\bprojected\b|\bhorizon\b|\bcible\b|\btarget\b|\bfutur\b"), 2),
)
# any of them, in one search (one "\b" around them all, not each phrase's own, tried at every position)
_PHRASES = "|".join(pattern.pattern.replace(r"\b", "") for pattern, _ in _YEAR_PHRASES)
_YEAR_PHRASE = re.compile(rf"\b(?:{_PHRASES})\b")


_UNSAID = object()  # a cue not searched yet


@dataclass
class Query:
    raw: str
    text: str  # folded, cleaned text
    flat: str  # the same with apostrophes and hyphens as spaces, for the question-shape patterns
    tokens: list[str]  # every folded word
    content: list[str]  # words left when stopwords and question words are gone
    lang: str = "fr"
    years: list[int] = field(default_factory=list)
    foreign_years: list[int] = field(default_factory=list)
    truncated: bool = False
    typed: str = ""  # the cleaned text as the asker typed it, before the speller respelled it
    # keyed by each cue's text: a compiled pattern hashes its whole text and code again at every lookup
    _said: dict[str, re.Match[str] | None] = field(default_factory=dict, repr=False, compare=False)

    def says(self, cue: re.Pattern[str]) -> re.Match[str] | None:
        """`cue` searched in `flat`, once a question: the cues several routes ask (a change, a definition, a who)
        are asked three times or so of each question."""
        found = self._said.get(cue.pattern, _UNSAID)  # one lookup (a KeyError raised costs more than the search)
        if found is _UNSAID:
            found = self._said[cue.pattern] = cue.search(self.flat)
        return found

    def words_of(self, *cues: re.Pattern[str]) -> set[str]:
        """The words the cues' matches span in `flat`: what the question says to ask, not what it asks about."""
        return {w for cue in cues for m in cue.finditer(self.flat) for w in m.group(0).split()}


def clean(raw: str) -> tuple[str, bool]:
    """Remove Slack markup, links, emoji and noise; fold case and accents; cap the length."""
    text = raw or ""
    truncated = len(text) > MAX_CHARS * 4
    text = text[: MAX_CHARS * 4]
    # each pattern only where its mark is (most messages have none): a substring test is far cheaper than a sub
    if "<" in text:
        text = _SLACK_LINK.sub(lambda m: f" {m.group(3) or ''} ", text)
        text = _SLACK_MENTION.sub(" ", text)
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _AT_WORD.sub(" ", text)
    if not text.isascii() and max(text) >= _EMOJI_LEAST:  # most accented text holds no emoji
        text = _EMOJI.sub("", text)
    if not text.isprintable():
        text = "".join(ch for ch in text if ch.isprintable())
    text = fold(text)
    if ":" in text:
        text = _EMOJI_CODE.sub(" ", text)
    if any(head in text for head in _ORDINAL_HEADS):  # "2017" is no ordinal: its digit is not before a letter
        text = _ORDINAL.sub(lambda m: _ORDINALS[m.group(1)], text)
    if _REPEATS.search(text):  # seldom: a sub with a template costs its parsing even where nothing matches
        text = _REPEATS.sub(r"\1", text)
    if len(text) > MAX_CHARS:
        text, truncated = text[:MAX_CHARS], True
    return text.strip(), truncated


_EMOJI = re.compile("[\U0001f000-\U0010ffff\u2600-\u27bf\ufe0f\u200d]")
_EMOJI_LEAST = "\u200d"  # the lowest character of an emoji's


_INVERSION = re.compile(r"-t-(?:il|elle|on|ils|elles)\b|-(?:il|elle|on|ils|elles|je|tu|nous|vous)\b")


def tokenize(text: str) -> list[str]:
    """Folded words, with French elisions and inversions removed (l'harmonisation -> harmonisation, fera-t-il ->
    fera)."""
    # each pattern only where its mark is: most questions have no apostrophe, or no hyphen
    if "'" in text:
        text = _ELISION.sub(" ", text)
    if "-" in text:
        text = _INVERSION.sub(" ", text)
    # ASCII text (most) split on its bytes translated, several times faster than the regex
    parts = (
        text.encode("ascii").translate(_WORD_BYTES).decode("ascii").split() if text.isascii() else _NON_WORD.split(text)
    )
    return [w for t in parts if (w := t.strip("-"))]


_STRONG_ENGLISH = frozenset("the of does do did is are was were what which who how why when where from to".split())
# Proper names whose French words say nothing of the asker's language ("Can buyers commit CCI Pays de la Loire?")
_PROPER_NAMES = re.compile(r"\b(?:pays de la loire|maine et loire|le mans|st nazaire|saint nazaire|la roche sur yon)\b")
_PROPER_NAME_ENDS = ("loire", "mans", "nazaire", "yon")  # the last word of each: most messages hold none


# A name quoted: « … », “…”, "…", '…' (not an elision: "l'activité d'achat"), ‘…’
_QUOTED = re.compile(
    r"«\s*([^»]+?)\s*»|\u201c([^\u201d]+)\u201d|\"([^\"]+)\"|(?<![^\W\d_])'([^']{3,60})'(?![^\W\d_])|\u2018([^\u2019]+)\u2019"
)


# "=fin.paie|question": the question asked of that subject (a follow-up read against the previous answer's)
FORCED = re.compile(r"^=([A-Za-z0-9_.\-?]+)\|")
_QUOTE_MARKS = frozenset("'\"«\u201c\u2018")  # those _QUOTED opens on


def quoted(text: str) -> list[str]:
    """The spans of a message written between quotes ("what mode was 'Management DSI' in 2017?")."""
    if not _QUOTE_MARKS.intersection(text):  # most messages: the pattern is not run
        return []
    return [next(g for g in m.groups() if g) for m in _QUOTED.finditer(text)]


_GLOSS = re.compile(r"\([^()]*\)|«[^«»]*»")


def detect_lang(tokens: list[str], raw: str) -> str:
    en, fr = _lang_weights(tokens, raw)
    if en == fr:  # no marker decides: the words only one language's dictionary holds, by two at least ("useful
        # to know, cheers"), since one may be a name of the SROM ("hotline 2017")
        en = sum(1 for t in tokens if len(t) >= 3 and in_dictionary(t, "en") and not in_dictionary(t, "fr"))
        fr = sum(1 for t in tokens if len(t) >= 3 and in_dictionary(t, "fr") and not in_dictionary(t, "en"))
        return "en" if en >= fr + 2 else "fr"
    return "en" if en > fr else "fr"


def _lang_weights(tokens: list[str], raw: str) -> tuple[int, int]:
    """How English and how French the words are."""
    spaced = " ".join(tokens)
    names = _PROPER_NAMES.findall(spaced) if any(end in spaced for end in _PROPER_NAME_ENDS) else []
    named = [w for name in names for w in name.split()]
    # English function words weigh double: a French name quoted in an English question brings its own "des", "de"
    en = sum(2 if t in _STRONG_ENGLISH else 1 for t in tokens if t in _ENGLISH)
    fr = sum(1 for t in tokens if t in _FRENCH) - sum(1 for w in named if w in _FRENCH)
    # (each pattern searched only where its letters are)
    if not raw.isascii() and _FRENCH_LETTER.search(raw.lower()):
        fr += 1  # a French term quoted in an English question is not a French question
    if ("n 20" in raw or "n 19" in raw) and _IN_YEAR.search(raw):
        en += 2  # "mode in 2021": the French say "en 2021"
    return en, fr


def _leans_english(tokens: list[str], raw: str) -> bool:
    en, fr = _lang_weights(tokens, raw)
    return en > fr


def find_years(text: str, known: tuple[int, ...]) -> tuple[list[int], list[int]]:
    """Years named in the question: those of the SROM, and others (answered as outside the SROM)."""
    years: list[int] = []
    foreign: list[int] = []
    # a year of four digits starts with a 1 or a 2: a message with neither is not searched for one
    written = _YEAR_4.finditer(text) if "1" in text or "2" in text else ()
    for m in written:
        y = int(m.group(1))
        (years if y in known else foreign).append(y)
    # a year of two digits counts when it is a known year's: a message without those digits is not searched for one
    said_short = any(digits in text for digits in _two_digits(known))
    short = _YEAR_2.finditer(text) if said_short else ()
    for m in short:
        y = 2000 + int(m.group(1))
        if y in known:
            years.append(y)
    # or two known years of two digits or more in a row: "veille juridique 13 / 17 / 21", "paie 17 vs 21"
    for m in _short_run(known).finditer(text) if said_short and not years else ():
        years.extend(2000 + int(d) for d in re.findall(r"\d\d", m.group(0)))
    # an explicit year beats "état des lieux", "statut"...; most questions name neither, found in one search
    if len(known) == 3 and not (years or foreign) and _YEAR_PHRASE.search(text):
        ordered = sorted(known)
        for pattern, index in _YEAR_PHRASES:
            if pattern.search(text):
                years.append(ordered[index])
    return _unique(years), _unique(foreign)


@functools.cache
def _short_run(known: tuple[int, ...]) -> re.Pattern[str]:
    """Two known years of two digits or more, one after the other ("13 / 17 / 21", "17 vs 21", "13-21")."""
    one = "|".join(_two_digits(known))
    return re.compile(rf"\b(?:{one})(?:\s*(?:/|,|-|vs|->|>)\s*(?:{one}))+\b")


@functools.cache
def _two_digits(known: tuple[int, ...]) -> tuple[str, ...]:
    """The last two digits of each known year ("17" of 2017)."""
    return tuple(str(y)[2:] for y in known)


def _unique(items: list[int]) -> list[int]:
    seen: list[int] = []
    for i in items:
        if i not in seen:
            seen.append(i)
    return seen


def parse(raw: str, known_years: tuple[int, ...], rewrite: Callable[[str, str], str] | None = None) -> Query:
    """The question read: `rewrite` (the engine's speller) turns the asker's words into the SROM's words, after
    the language is told from the words as written."""
    text, truncated = clean(raw)
    typed = text
    tokens = tokenize(text)
    # a gloss in brackets or quotes is in the other language ("IT asset mgmt (gestion du parc) 2017 mode?")
    outside = _GLOSS.sub(" ", raw) if "(" in raw or "«" in raw else raw
    if "'" in outside or '"' in outside or "\u201c" in outside or "\u2018" in outside:  # "What about 'gestion …'?"
        outside = _QUOTED.sub(" ", outside)
    outer = _lang_weights(tokenize(clean(outside)[0]), outside) if outside != raw else (0, 0)
    lang = ("en" if outer[0] > outer[1] else "fr") if outer[0] != outer[1] else detect_lang(tokens, raw)
    if rewrite:
        respelled = rewrite(text, lang)
        if respelled != text:  # most questions are written in the SROM's words: their words are split once
            if lang == "fr" and outside == raw and _leans_english(tokenize(respelled), raw):
                # only its typos hid the language: "tahnks a lot!", "treasruy 2013?" are English once read
                lang, respelled = "en", rewrite(text, "en")
            text, tokens = respelled, tokenize(respelled)
    years, foreign = find_years(text, known_years)
    year_words = {str(y) for y in (*years, *foreign)} | {str(y)[2:] for y in years}
    asked = REQUEST.sub(" ", _GENERIC_PHRASES.sub(" ", text))
    content = [
        t
        for t in (tokens if asked == text else tokenize(asked))
        if len(t) > 1 and not t.isdigit() and t not in _NOT_CONTENT and t not in year_words
    ]
    if "tat" in raw and says_the_state(raw) and "etat" not in content:  # "l'État", "avec l'état": the State
        content.append("etat")
    if "it" not in content and (("IT" in raw and _UPPER_IT.search(raw)) or (lang == "en" and _SMALL_IT.search(text))):
        content.append("it")  # "IT" is a name, "it" a pronoun
    if "si" not in content and (("IS" in raw and _UPPER_IS.search(raw)) or (lang == "en" and _SMALL_IS.search(text))):
        content.append("si")
    elif "si" in content and _IF.search(raw) and len(re.findall(r"(?<![^\W\d_])si(?![^\W\d_])", raw, re.I)) == 1:
        content.remove("si")
    flat = " ".join(text.replace("'", " ").replace("-", " ").replace("/", " ").split())
    if "fin" in content and "FIN" not in raw and _END_OF.search(flat):  # "les clôtures de fin d'année": no finance
        content.remove("fin")
    if "reseau" in content and _THE_NETWORK.search(flat):  # "les 5 CCIT du réseau": the chambers, not the IT's
        content.remove("reseau")
    return Query(raw, text, flat, tokens, content, lang, years, foreign, truncated, typed)
