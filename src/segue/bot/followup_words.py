"""The words of a follow-up to an answer, per language: next page, more like one of its tracks, a comparative twist.

Kept apart from `followups.py` (which reads a message with them and applies what they ask) because the tables are
long. Every entry is normalized as `segue.text.normalize_name` keys text (lower case, no accents, no punctuation):
'más' is 'mas', 'nächste' is 'nachste', '#3' is '3'. A stem ending in '*' stands for itself with each of the
language's adjective endings ('antigu*' is 'antiguo', 'antigua', 'antiguos', 'antiguas').
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

LAST = -1
"""The position 'the last one' names."""


class Twist(StrEnum):
    """A comparative applied to an earlier answer's request ('older', 'less popular', 'chiller')."""

    OLDER = "older"
    NEWER = "newer"
    LESS_POPULAR = "less popular"
    MORE_POPULAR = "more popular"
    CHILLER = "chiller"
    CALMER = "calmer"
    UPBEAT = "more upbeat"
    FASTER = "faster"
    SLOWER = "slower"
    SADDER = "sadder"
    HAPPIER = "happier"


@dataclass(frozen=True, slots=True)
class Words:
    """One language's follow-up words."""

    code: str
    pages: frozenset[str]
    """Whole messages asking for the next page ('more', 'next page', 'otra página')."""
    pick: re.Pattern[str]
    """A whole message asking for more like one track; group `n` is its number or ordinal word."""
    ordinals: Mapping[str, int]
    twists: Mapping[str, Twist]
    glue: frozenset[str]
    """Words around twists that change nothing ('but', 'same', 'a bit', 'ones', 'please')."""


def _expand(text: str, endings: Iterable[str] = ()) -> list[str]:
    forms = tuple(endings)
    out: list[str] = []
    for word in text.split("|"):
        word = word.strip()
        out += [word[:-1] + e for e in forms] if word.endswith("*") else [word]
    return out


def _twists(pairs: Mapping[Twist, str], endings: Iterable[str] = ()) -> Mapping[str, Twist]:
    forms = tuple(endings)
    return MappingProxyType({phrase: twist for twist, text in pairs.items() for phrase in _expand(text, forms)})


def _ordinals(pairs: Mapping[int, str], endings: Iterable[str] = ()) -> Mapping[str, int]:
    forms = tuple(endings)
    table = {phrase: n for n, text in pairs.items() for phrase in _expand(text, forms)}
    table.update({str(n): n for n in range(1, 26)})
    return MappingProxyType(table)


def _pick(lead: str, cue: str, article: str, number: str, noun: str, ordinals: Mapping[str, int]) -> re.Pattern[str]:
    """`lead? cue article? number? N noun?`, the whole message: 'more like the 3rd one', 'como la tercera'."""
    n = "|".join(sorted(map(re.escape, ordinals), key=len, reverse=True))
    return re.compile(rf"(?:(?:{lead}) )*(?:{cue}) (?:(?:{article}) )?(?:(?:{number}) )?(?P<n>{n})(?: (?:{noun}))?")


def _set(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split("|") if w.strip())


EDGES = _set(
    "ok|okay|pls|please|plz|thanks|thx|ty|now|yo|hey|hi|cool|nice|great|yes|yeah|yep|hmm|hm|lol|porfa|por|favor|"
    "gracias|vale|dale|bueno|stp|svp|merci|bitte|danke|ja|pfv|pf|obrigado|obrigada|sim|si"
)
"""Words at either end of a follow-up, in any language, that change nothing ('ok more please')."""

_EN_ORDINALS = _ordinals(
    {
        1: "first|1st|number one|no one|track one|song one",
        2: "second|2nd|number two|no two|track two|song two",
        3: "third|3rd|number three|no three|track three|song three",
        4: "fourth|4th|number four|no four|track four",
        5: "fifth|5th|number five|no five|track five",
        6: "sixth|6th",
        7: "seventh|7th",
        8: "eighth|8th",
        9: "ninth|9th",
        10: "tenth|10th",
        LAST: "last|final|very last",
    }
)
ENGLISH = Words(
    "en",
    pages=_set(
        "more|more please|more songs|more tracks|more music|more of those|more of these|more of that|more of them|"
        "more like that|more like those|more like these|more like this|some more|a few more|few more|any more|"
        "next|next page|the next page|next one|next ones|another page|another one|another|another batch|others|"
        "other ones|different ones|new ones|keep going|go on|continue|reroll|re roll|again|do it again|"
        "one more time|show me more|give me more|gimme more|not feeling these|not feeling any of these|"
        "can you do better|can u do better"
    ),
    pick=_pick(
        "more|some|songs|something|stuff|music|give me|gimme|show me",
        "like|similar to|based on|off|of|from|in the vein of",
        "the",
        "number|no|track|song",
        "one|song|track|pick",
        _EN_ORDINALS,
    ),
    ordinals=_EN_ORDINALS,
    twists=_twists(
        {
            Twist.OLDER: "older|earlier|less recent|not so new|older stuff",
            Twist.NEWER: "newer|more recent|more modern|less old|not so old|newer stuff",
            Twist.LESS_POPULAR: "less popular|less mainstream|less known|lesser known|less famous|less obvious|"
            "more underground|more obscure|more niche|deeper|deeper cuts|more deep cuts",
            Twist.MORE_POPULAR: "more popular|more mainstream|more famous|better known|more well known|more known|"
            "bigger hits|more hits",
            Twist.CHILLER: "chiller|more chill|more chilled|more relaxed|mellower|more mellow|more laid back",
            Twist.CALMER: "calmer|more calm|quieter|softer|gentler|more peaceful",
            Twist.UPBEAT: "more upbeat|more energetic|more energy|livelier|more lively|peppier|more hype|more hyped",
            Twist.FASTER: "faster|quicker|more fast|higher tempo|faster tempo",
            Twist.SLOWER: "slower|more slow|lower tempo|slower tempo",
            Twist.SADDER: "sadder|more sad|more melancholic|more melancholy|moodier",
            Twist.HAPPIER: "happier|more happy|more cheerful|cheerier|more positive",
        }
    ),
    glue=_set(
        "but|same|vibe|vibes|thing|again|make|it|them|a|bit|little|slightly|somewhat|even|way|much|lot|ones|one|"
        "songs|song|tracks|stuff|music|and|or|this|time|now|than|that|those|these|please|pls|plz|ok|okay|maybe|"
        "some|something|go|can|you|u|do|give|me|gimme|i|want|more|kinda|tad|like|similar"
    ),
)

_ES_ENDINGS = ("o", "a", "os", "as")
_ES_ORDINALS = _ordinals(
    {
        1: "primer*|primer|1a|1o|1ra|1ro|1er",
        2: "segund*|2a|2o|2da|2do",
        3: "tercer*|tercer|3a|3o|3ra|3ro|3er",
        4: "cuart*|4a|4o|4ta|4to",
        5: "quint*|5a|5o|5ta|5to",
        6: "sext*",
        7: "septim*|setim*",
        8: "octav*",
        9: "noven*",
        10: "decim*",
        LAST: "ultim*",
    },
    _ES_ENDINGS,
)
SPANISH = Words(
    "es",
    pages=_set(
        "mas|dame mas|quiero mas|mas canciones|mas temas|otras|otra|otra pagina|pagina siguiente|la siguiente|"
        "siguiente|siguientes|sigue|mas por favor|otras mas|mas de esas|mas asi|pasame mas|ponme mas|otra tanda"
    ),
    pick=_pick(
        "mas|algo|canciones|temas|dame mas|ponme mas",
        "como|parecid[oa]s? a|similar(?:es)? a|tipo|estilo|del estilo de|de",
        "la|el|lo de la|lo del",
        "numero|n|cancion|tema",
        "cancion|tema",
        _ES_ORDINALS,
    ),
    ordinals=_ES_ORDINALS,
    twists=_twists(
        {
            Twist.OLDER: "mas antigu*|mas viej*",
            Twist.NEWER: "mas nuev*|mas recientes|mas reciente|mas modern*|mas actuales|mas actual",
            Twist.LESS_POPULAR: "menos conocid*|menos populares|menos popular|menos comerciales|menos comercial|"
            "mas underground|mas desconocid*",
            Twist.MORE_POPULAR: "mas conocid*|mas populares|mas popular|mas famos*|mas comerciales",
            Twist.CHILLER: "mas relajad*|mas chill|mas tranqui",
            Twist.CALMER: "mas tranquil*|mas calmad*|mas suaves|mas suave",
            Twist.UPBEAT: "mas animad*|mas movid*|mas energic*|con mas energia|mas prendid*",
            Twist.FASTER: "mas rapid*",
            Twist.SLOWER: "mas lent*",
            Twist.SADDER: "mas tristes|mas triste",
            Twist.HAPPIER: "mas alegres|mas alegre|mas felices|mas feliz",
        },
        _ES_ENDINGS,
    ),
    glue=_set(
        "pero|lo|mismo|misma|igual|otra|vez|algo|un|una|poco|poquito|y|o|que|canciones|temas|cosas|musica|esas|"
        "esos|por|favor|porfa|dame|ponme|ahora|aun|todavia|mas|como|asi|parecido|esto|eso|esta|esa|estas|tipo"
    ),
)

_FR_ORDINALS = _ordinals(
    {
        1: "premier|premiere|1er|1ere|1re",
        2: "deuxieme|second|seconde|2e|2eme",
        3: "troisieme|3e|3eme",
        4: "quatrieme|4e|4eme",
        5: "cinquieme|5e|5eme",
        6: "sixieme",
        7: "septieme",
        8: "huitieme",
        9: "neuvieme",
        10: "dixieme",
        LAST: "dernier|derniere",
    }
)
FRENCH = Words(
    "fr",
    pages=_set(
        "encore|plus|d autres|autres|encore plus|page suivante|la page suivante|suivant|suivante|la suite|"
        "encore des|encore une|une autre|autre page|continue|encore stp|encore svp|d autres stp|d autres svp"
    ),
    pick=_pick(
        "plus|encore|des trucs|quelque chose|d autres",
        "comme|du style de|dans le style de|similaires? a|genre|proches? de|de",
        "la|le|l",
        "numero|n|chanson|morceau|titre",
        "chanson|morceau|titre",
        _FR_ORDINALS,
    ),
    ordinals=_FR_ORDINALS,
    twists=_twists(
        {
            Twist.OLDER: "plus anciennes|plus anciens|plus ancien|plus ancienne|plus vieilles|plus vieux|plus vieille",
            Twist.NEWER: "plus recentes|plus recents|plus recent|plus recente|plus nouvelles|plus nouveaux|"
            "plus modernes|plus moderne",
            Twist.LESS_POPULAR: "moins connues|moins connus|moins connu|moins connue|moins populaires|"
            "moins populaire|moins commerciales|moins commercial|plus underground|plus obscures",
            Twist.MORE_POPULAR: "plus connues|plus connus|plus connu|plus populaires|plus populaire|"
            "plus commerciales|plus celebres",
            Twist.CHILLER: "plus chill|plus detendues|plus detendus|plus detendu|plus posees|plus poses",
            Twist.CALMER: "plus calmes|plus calme|plus douces|plus doux|plus tranquilles|plus tranquille",
            Twist.UPBEAT: "plus entrainantes|plus entrainants|plus entrainant|plus dynamiques|plus dynamique|"
            "plus energiques|plus energique|plus rythmees|plus rythme",
            Twist.FASTER: "plus rapides|plus rapide",
            Twist.SLOWER: "plus lentes|plus lents|plus lent|plus lente",
            Twist.SADDER: "plus tristes|plus triste",
            Twist.HAPPIER: "plus joyeuses|plus joyeux|plus gaies|plus gais|plus gai|plus heureuses|plus heureux",
        }
    ),
    glue=_set(
        "mais|pareil|la|meme|chose|encore|un|peu|plutot|des|trucs|chansons|morceaux|titres|musique|et|ou|stp|svp|"
        "merci|donne|moi|quelque|de|maintenant|plus|comme|ca|style"
    ),
)

_DE_ENDINGS = ("e", "es", "en", "er", "em")
_DE_ORDINALS = _ordinals(
    {
        1: "erst*",
        2: "zweit*",
        3: "dritt*",
        4: "viert*",
        5: "funft*",
        6: "sechst*",
        7: "siebt*",
        8: "acht*",
        9: "neunt*",
        10: "zehnt*",
        LAST: "letzt*",
    },
    _DE_ENDINGS,
)
GERMAN = Words(
    "de",
    pages=_set(
        "mehr|noch mehr|noch welche|andere|weitere|weiter|nachste seite|die nachste seite|nachste|noch eine|"
        "mehr davon|mehr bitte|mehr songs|mehr lieder|noch mehr bitte|mach weiter"
    ),
    pick=_pick(
        "mehr|noch mehr|etwas|was|mehr songs|mehr lieder",
        "wie|ahnlich wie|so wie|im stil von|wie bei|von",
        "das|der|die|den|dem",
        "nummer|nr|lied|song|titel",
        "lied|song|titel|stuck",
        _DE_ORDINALS,
    ),
    ordinals=_DE_ORDINALS,
    twists=_twists(
        {
            Twist.OLDER: "alter*|alter|fruher*|fruher",
            Twist.NEWER: "neuer*|neuer|aktueller*|aktueller|moderner*|moderner",
            Twist.LESS_POPULAR: "weniger bekannt|weniger bekannte|weniger popular|weniger populare|"
            "weniger mainstream|unbekannter*|unbekannter|mehr underground",
            Twist.MORE_POPULAR: "bekannter*|bekannter|popularer*|popularer|mehr mainstream",
            Twist.CHILLER: "entspannter*|entspannter|chilliger*|chilliger|lockerer*|lockerer",
            Twist.CALMER: "ruhiger*|ruhiger|sanfter*|sanfter",
            Twist.UPBEAT: "peppiger*|peppiger|lebhafter*|lebhafter|schwungvoller*|schwungvoller|energiegeladener",
            Twist.FASTER: "schneller*|schneller",
            Twist.SLOWER: "langsamer*|langsamer",
            Twist.SADDER: "trauriger*|trauriger",
            Twist.HAPPIER: "frohlicher*|frohlicher|glucklicher*|glucklicher|heiterer",
        },
        _DE_ENDINGS,
    ),
    glue=_set(
        "aber|gleich|das|gleiche|nochmal|etwas|was|bisschen|ein|noch|und|oder|songs|lieder|musik|bitte|jetzt|sachen|"
        "zeug|mal|gib|mir|mehr|wie|so|ahnlich"
    ),
)

_PT_ENDINGS = ("o", "a", "os", "as")
_PT_ORDINALS = _ordinals(
    {
        1: "primeir*|1a|1o",
        2: "segund*|2a|2o",
        3: "terceir*|3a|3o",
        4: "quart*|4a|4o",
        5: "quint*|5a|5o",
        6: "sext*",
        7: "setim*",
        8: "oitav*",
        9: "non*",
        10: "decim*",
        LAST: "ultim*",
    },
    _PT_ENDINGS,
)
PORTUGUESE = Words(
    "pt-BR",
    pages=_set(
        "mais|manda mais|quero mais|mais musicas|outras|outra|proxima|proxima pagina|a proxima|outra pagina|"
        "mais dessas|mais assim|continua|mais por favor|manda outras"
    ),
    pick=_pick(
        "mais|algo|musicas|manda mais",
        "como|parecid[ao]s? com|tipo|estilo|igual a|igual|da|do|de",
        "a|o",
        "numero|n|musica|faixa",
        "musica|faixa",
        _PT_ORDINALS,
    ),
    ordinals=_PT_ORDINALS,
    twists=_twists(
        {
            Twist.OLDER: "mais antig*|mais velh*",
            Twist.NEWER: "mais nov*|mais recentes|mais recente|mais modern*|mais atuais|mais atual",
            Twist.LESS_POPULAR: "menos conhecid*|menos populares|menos popular|menos comerciais|menos comercial|"
            "mais underground|mais desconhecid*",
            Twist.MORE_POPULAR: "mais conhecid*|mais populares|mais popular|mais famos*|mais comerciais",
            Twist.CHILLER: "mais relaxantes|mais relaxad*|mais chill|mais de boa|mais leves",
            Twist.CALMER: "mais calm*|mais tranquil*|mais suaves|mais suave",
            Twist.UPBEAT: "mais animad*|mais agitad*|mais energetic*|mais pra cima",
            Twist.FASTER: "mais rapid*",
            Twist.SLOWER: "mais lent*",
            Twist.SADDER: "mais tristes|mais triste",
            Twist.HAPPIER: "mais alegres|mais alegre|mais felizes|mais feliz",
        },
        _PT_ENDINGS,
    ),
    glue=_set(
        "mas|igual|o|mesmo|de|novo|algo|um|uma|pouco|pouquinho|e|ou|musicas|coisas|som|por|favor|pfv|pf|manda|"
        "agora|ainda|mais|como|assim|parecido|isso|isto|essa|esse|essas|tipo"
    ),
)

LANGUAGES: tuple[Words, ...] = (ENGLISH, SPANISH, FRENCH, GERMAN, PORTUGUESE)
"""English first: a message two languages read alike is said in neither (the earlier answer's language speaks)."""
