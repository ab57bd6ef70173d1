"""Plain English word lists the query parser needs to tell a name from an ordinary word.

Many artists are named with everyday words ("Air", "Low", "Yes", "Train", "Journey", "Future"): about 540 of the
~11,000 one-word artist names in the datasets are also among the 3,000 commonest words in song titles. An
uncued one-word mention is only taken as an artist when it is not listed here (or, for `COMMON_WORDS`, when the
user capitalized it mid-sentence); `FUNCTION_WORDS` never become names without a cue such as "like" or "by".
All entries are in `segue.text.normalize_name` form.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from segue.text import normalize_name


def words(text: str) -> frozenset[str]:
    """Whitespace-separated words, newlines ignored."""
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    """'|'-separated phrases (they contain spaces), newlines ignored."""
    return frozenset(p.strip() for p in text.replace("\n", "").split("|") if p.strip())


FUNCTION_WORDS: frozenset[str] = words(
    """
    bot dude bro fam homie pal surprise ones while because though although unless whether whenever wherever once
    absolute absolutely bit etc etcetera lots lotsa alot
    preferably ideally possibly afternoon afternoons hours noon midday nephew nephews niece nieces cousin cousins
    else instead around ever somethin sumthin sumthing smth sth nuthin rn atm tbh pls plz lol lmao
    feel feels feeling feelin makes making
    sum sumn summ thats shit shi probably actually server discord chat channel instagram tiktok reel reels
    aced acing crit
    friend bestie bff dad mom mum gf bf nobody session better scene scenes min mins minute minutes kids others
    brother sister favourite favourites favorite favorites fave faves
    squad homies sisters brothers moms dads bride groom newlyweds bridesmaids groomsmen couple aunties aunts uncles
    abuelos abuelas guests
    bc cuz cus fr frfr ong istg lmk ur yall tho deadass highkey lowkey ngl tbf imo imho cap specifically
    kkk kkkk kkkkk kkkkkk haha hahaha jaja jajaja mdr ptdr xd parents help
    version versions cover covers remix remixes rendition renditions
    listens listened listener listeners heard hear both either grandma grandpa grandparents themed edit edits bruh
    still preferrably
    aesthetic aesthetics n wat wut whut remind reminds reminding
    bonjour bonsoir salut coucou hola buongiorno buonasera ciao hallo servus merci gracias grazie danke obrigado
    obrigada beaucoup
    singer singers musicians
    blends blending combines combining mixes mixing
    a about above after against album albums all along also am among an and another any anyone anything april are
    arent around artist artists acts as at august band bands be been before behind being below beneath beside besides
    between beyond but by can cant could d december did didnt do does doesnt doing don done dont down during each
    eight every everything except february few find five for four friday from get gimme give gonna got gotta had has
    have having he hello her here hers hey hi him his how i id if im in inside into is isnt it its ive january july
    june just kinda least less let lets like ll lmao lol m make many march may maybe me might mine monday more most
    much music must my myself near need nine no nope nor not nothing november october of off ok okay on one only
    onto or other ought our ours out over perhaps pick picks play playlist playlists please pls plz pretty put quite
    rather re really rec recommend recommendation recommendations record records recs s saturday september seven
    shall she should show since six so some someone something song songs sorta stuff such suggest suggestion
    suggestions sunday sup t ten than thank thanks that the their theirs them there these they thing things this
    those three through throughout thursday thx till to today tomorrow tonight too toward towards track tracks
    tuesday tune tunes two under until up upon us ve very via wanna want was wasnt we wednesday weekday weekend were
    what whatever when where which who whoever whom whose why will with within without wont would yeah yep yes then
    yesterday yo you your yours hmm hmmm hm vc mostly ngl imo idc idrc tbf
    """
)
"""Words that are never an uncued artist name, whatever their case."""

SECONDS_PER_UNIT: Mapping[str, int] = MappingProxyType(
    {"sec": 1, "secs": 1, "second": 1, "seconds": 1, "min": 60, "mins": 60, "minute": 60, "minutes": 60}
)
"""The units a song's length is asked in ('under 3 minutes', `query.measures`)."""
TIME_UNITS = frozenset(SECONDS_PER_UNIT) | {"hour", "hours", "hr", "hrs"}
"""After a number, a length of time, never part of a name ('under 3 minutes' is not the band 3)."""

CONTRACTIONS: frozenset[str] = _phrases(
    """
    i m|i ve|i d|i ll|you re|you ve|it s|what s|that s|there s|let s|don t|doesn t|didn t|can t|won t|isn t|
    aren t|wasn t|he s|she s|we re|they re|who s|how s|where s|y all|ain t|couldn t|wouldn t|shouldn t|
    you d|we d|they d|he d|she d|it d|who d|that d
    """
)
"""Tokens like "I'm" normalize to two words ("i m"); they are function words too."""
PRONOUNS: frozenset[str] = words("him her them it me us you he she they")
"""Words for someone already named ('who else is like him'): an act's name only when written like one ('like HIM')."""
KIN: frozenset[str] = words(
    """
    mum mom dad brother sister nan nana gran granny grandma grandpa wife husband gf bf friend girlfriend boyfriend
    daddy grandson granddaughter grandkids grandkid bride groom couple
    """
)
"""People of a member's life, whose possessive ('mum's', 'my girlfriend's') is theirs, never an act's."""
KIN_POSSESSIVES: frozenset[str] = frozenset(f"{word} s" for word in KIN)
""""my brother's band", "mum's favourite songs", "my girlfriend's birthday": a person's, not the bands Brothers,
múm or Girlfriends."""
FUNCTION_WORDS = FUNCTION_WORDS | CONTRACTIONS | KIN_POSSESSIVES

COMMON_WORDS: frozenset[str] = FUNCTION_WORDS | words(
    """
    bass boring cheesy sappy repetitive annoying generic overplayed explicit cringe basic weird good nice book books
    countryside
    pianist pianists clever trio retro belle aint singers poetry modal
    grandma grandpa granny mom mum parents girlfriend boyfriend husband grandson granddaughter grandkids
    raunchy swearing dusty stream streaming shop shops shopping store thrift thrifting browsing
    edit intro machine nobody train final grave spider journey melody fake hood liquid waltz belong numb
    freestyle lucid dope orchestra void distance karma twilight point enigma nightmare romance unknown therapy
    adore rains zombie graveyard eclipse divine sense eternity misery lifetime fox panda era immortal supernova
    breakfast inner ritual shelter verse seventeen view ace note steps rhapsody cathedral pill logic
    fashion bill lit omega haze sorrow means random velvet passenger envy haven nebula chief riot tender oasis
    dragon cage rewind sparks collide snowflake wire underdog flex nasty forbidden oceans access sober passion
    justice gentleman issues reaper frame tricky polar martian speechless hum sickness total suicide pale
    avalon imagination limbo pacific dilemma destruction loop bliss motor wet wax tape landscape sleeper sway
    london chicago berlin japan america georgia alabama panama malibu kyoto paris tokyo california texas europe asia
    able act action add age ago agree ah air alive almost alone already alright always amazing angel angels animal
    answer apple area arm army art ask asleep attack autumn avenue awake away awesome baby back bad bag ball bang
    bank bar base bay beach bear beast beat beats beautiful beauty bed bee begin believe bell best better big bird
    birds birthday bit bitter black blame blind blood bloom blow blue boat body bone bones book boom born boss
    bottle bottom box boy boys brain brave bravery bread break breath breathe breeze bridge bridges bright bring
    broken brother brothers brown build burn burning burns bus busy butter butterfly buy cake call calm came camp
    candy car care careful case cash castle cat catch caught cause chain chains chance change chase cheap check
    cherry chicken child children chill choice church circle city clash class clean clear clock close closer cloud
    clouds club coast code coffee cold color colors colour come comes coming control cool copy corner count country
    couple cover crazy cream crew cross crowd crown cry crystal cure cut cute dad damn dance danger dark darkness
    darling date daughter day days dead deal dear death deep desire devil diamond diamonds die different dinner
    dirty dive doctor dog dogs dollar door doors double dream dreamer dreams dress drink drive driver drop drops
    drug drugs drum drums dry dusk dust early earth easy eat echo edge editors else empty end ending enemy energy
    enough escape eternal eve even evening ever exit eye eyes face fade faith fall fallen falling family famous fan
    fancy fantasy far farewell fast fat father fear feel feeling feelings feet fell fever field fields fight fire
    first fish fit flame flames flash flesh flight floor flow flower flowers fly follow food fool fools forest
    forever forget forgive forgotten fray free freedom fresh friend friends front fruit full fun funny future game
    games garden gate ghost ghosts gift girl girls glass glory go goes gold golden gone good goodbye grace grand
    grass gravity gray great green grey ground grow guitar gun guns guy guys hair half hand hands happy hard hate
    head heal hear heard heart heartbreak hearts heat heaven heavy hell help hero heroes hide high highway hill
    history hit hits hold hole holy home honey hope horse hot hour hours house human hunger hunter hurt hurts ice
    idea ill island jack jam jazz jet job joy judge jump jungle keep key kid kids kill killer killers kills kind
    king kingdom kings kiss kitchen knife know lady lake land language last late later laugh law lay lead learn
    leave left legend lie lies life lift light lights line lion lips listen little live lives long look lose loser
    loss lost loud love lovely lover lovers low luck lucky lush mad madness magic main major man map mark market
    mars mask master matter mean medicine memories memory men mercy mess message metal middle midnight mind minute
    mirror miss mistake mister model moment money monster moon morning mother motion mountain mountains mouth move
    movie movies mr mrs ms name names nation national nature neon never new news next nice night nights noise normal
    north now number ocean odd oh old open orange order outside own pain paint palace paper parade paradise park
    part party pass past path peace people perfect person phone piano picture pictures piece pink place plan planet
    plastic player pocket poison police pool poor power pray pressure price pride prince princess prison problem
    promise promises proud pull pure push queen question quiet race radio rage rain rainbow raise reach read ready
    real reason red remember rest revolution rich ride right ring rise river road rock roll room rose roses round
    royal rule run rush sad safe saint salt same sample samples sampled savage save say scene school
    scream script sea season second secret
    see shadow shadows shake shame shape shine shining shins ship shoot short shot shout side sign silence silent
    silver simple sing singer single sister sit skin sky sleep slow small smile smiths smoke snake snow soft soldier
    son soul sound sounds south space speak special speed spirit spring square stand star stars start state stay
    steel step stone stop storm story strange stranger strangers street strokes strong stuck sugar summer sun
    sunrise sunset sunshine super sure surf sweet swim system table take talk tea tears teen tell thief think third
    thousand thunder tide tiger time times tired together tongue top touch tower town toy trap treat tree trees
    tribe trip trouble true trust truth try turn twice twin type uncle universe valley vibes voice wait wake walk
    wall walls war warm wash watch water wave waves way weather wedding weird well west wheel white whole wicked
    wide wife wild win wind window wine wing wings winter wish witch wolf woman women wonder wonderland wood woods
    word words work world worry wrong xx year years yellow young youth zero
    """
)
"""Everyday words: an uncued one-word name made of one of these needs a capital letter mid-sentence."""

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "dozen": 12,
    "couple": 2,
    "few": 3,
    "handful": 5,
}
"""Spelled-out counts ('ten tracks', 'a couple of songs', 'a few songs', 'a dozen')."""

# Cue phrases, all in normalize_name form ("don't" is "don t"). The parser matches the longest phrase first.

NEGATION_CUES: frozenset[str] = _phrases(
    """
    avoid|except|exclude|excluding|hate|less|minus|never|no|nor|not|nothing|skip|without|and not|anything but|
    anything except|apart from|but not|dont like|dont want|hold the|i hate|none of|not into|other than|do not like|
    do not want|don t like|don t want|except for|aside from|besides|that isnt|that isn t|that is not|isnt|isn t|
    that arent|that aren t|that are not|not in the mood for|not really in the mood for|no mood for|not by|but not by|
    nothing by|none by|wont|won t|that wont|that won t|will not|that will not|doesnt|doesn t|that doesnt|
    that doesn t|that does not
    """
)
"""Words after which names, genres and moods are excluded or inverted ('no rap', 'not Drake', 'not too fast')."""

SIGN_OFFS: frozenset[str] = words(
    """
    pls plz plss pleasee please thx thanks thank ty tysm lol lmao haha hahaha rn atm tbh asap fr ngl bro fam dude
    """
)
"""Courtesy and chat words that end a request ('like the band pls') and never a name a cue reads up to."""


FILLER_PHRASES: frozenset[str] = _phrases(
    """
    feel like|feels like|feeling like|i feel like|looks like|look like|seems like|sounds good|would like|i d like|
    id like|i would like|
    the year i was born|year i was born|when i was born|i was born|i was born in|my birth year|the year of my birth|
    the year i graduated|year i graduated|when i graduated|i graduated in|the year we met|the year we got married|
    at home|from home|at my place|at my house|at our place|
    a little bit of|a little bit|little bit of|a lil bit of|a tiny bit of|
    a million times|a thousand times|a hundred times|so many times|too many times|heard it|heard them|heard that|
    play next|listen to next|what next|whats next|what s next|up next|for the first time|for like the first time
    no cap|on god|for real|for reals|not gonna lie|i swear
    """
)
"""'like' that is not a cue: 'songs that make me feel like the main character', 'I'd like some jazz'; and a birth
year's words around the year itself ('songs from the year i was born 1999' left 'year', 'born' unused); and where
it plays ('fiesta en casa', 'party at home': the party says how it sounds)."""

RETRO_WORDS: frozenset[str] = words(
    "inspired influenced style styled sound sounds sounding vibe vibes feel esque ish retro throwback throwbacks"
)
"""Words that say a decade is a sound, read with it where a word for now stands beside ('80s inspired modern pop')."""

ABOUT_CUES: frozenset[str] = _phrases("about|all about|that are about|talking about|that talk about|on the topic of")
"""What songs are about ('songs about trucks'): the words after it are topics matched to titles, never names."""

SIMILAR_CUES: frozenset[str] = _phrases(
    """
    like|more|similar|akin to|close to|fan of|fans of|i dig|i enjoy|i like|i love|im into|influenced by|inspired by|
    kinda like|more like|more of|reminiscent of|similar to|sound like|sounding like|sounds like|style of|such as|
    for fans of|i m into|if i like|if you like|kind of like|reminds me of|sort of like|the likes of|
    along the lines of|in the style of|in the vein of|in the same vein as|in the spirit of|
    similar vibe to|similar vibes to|same vibe as|the same vibe as|same vibes as|the same vibes as|vibe like|
    vibes like|same energy as|similar energy to|similar artists to|artists similar to|
    loves|likes|who loves|who likes|someone who loves|someone who likes|
    mix of|a mix of|blend of|a blend of|mashup of|a mashup of|combination of|a combination of|cross between|
    a cross between|between|something between|halfway between|somewhere between|
    like the song|like the track|like that song|similar to the song|similar to the track|kind of like the song|
    sounds like the song|in the vein of the song|
    finished listening to|just finished listening to|been listening to|been listening to a lot of|been into|
    after finishing|after listening to|
    after bingeing|after binging|just binged
    """
)
"""Words after which a name is a seed to find similar music for ('a mix of X and Y' blends several)."""

BLEND_CUES: frozenset[str] = _phrases(
    """
    between|something between|halfway between|somewhere between|cross between|a cross between|meets|crossed|fused
    """
)
"""Cues and links after which the seeds are heard together ('a cross between X and Y', 'X meets Y'), not in turn.
Not 'a mix of' or 'a blend of': a mix holds both, and the curators' lists for 'a mix of Daft Punk and Nujabes' and
'blend of tame impala and mac demarco' took fewer of the common neighbours than of each seed's own (dev split)."""

NAME_LINKS: frozenset[str] = _phrases(
    """
    x|vs|versus|meets|and|crossed|mixed|combined|blended|fused
    """
)
"""Words that join two names without a cue ('kendrick lamar x bon iver', 'queen + david bowie' uses the '+');
'crossed', 'mixed' and the like take a 'with' after them ('gorillaz crossed with mf doom')."""

PLAY_CUES: frozenset[str] = _phrases(
    """
    play|play me|play some|put on|listen to|queue|queue up|throw on|spin|play the song|play the track
    """
)
"""Words after which a name is an artist to play (like 'by') or a song to play."""

BY_CUES: frozenset[str] = _phrases(
    """
    by|from|just|only|best of|more by|more from|music by|music from|only by|songs by|songs from|stuff by|tracks by|
    tracks from|the best of|featuring|feat|ft|songs featuring|produced by|prod by|production by
    """
)
"""Words after which a name is an artist whose own songs are asked for ('songs by X')."""

IMPLICIT_CUE_AFTER: frozenset[str] = _phrases(
    """
    adjacent|but|esque|inspired|ish|kind|sounding|style|type|vibe|vibes|mix|radio|station|
    deep|rarities|obscurities|classics|essentials|hits|staples|bangers|b|produced|prod
    """
)
"""A leftover name right before these is treated as cued: 'radiohed but chill', 'air vibes', 'the doors deep cuts',
'the doors classics', 'the cure b sides', 'outkast and sade mix', 'the weeknd radio' (a streaming service's word for
songs like an act)."""

CONNECTORS: frozenset[str] = _phrases(
    """
    also|and|n|nor|or|plus|as well as|then|and then|followed by
    """
)
"""Words that continue a list of names or genres after a cue."""
FOREIGN_ANDS: frozenset[str] = frozenset({"e", "y", "et", "und"})
"""'and' in Portuguese, Spanish, French and German: read in a request of that language already; between two names
in one without other foreign words ('emecida e racionais') a link only beside a name found."""

SPAN_SKIP: frozenset[str] = _phrases(
    """
    a|an|any|both|either|just|more|much|real|really|so|some|stuff|too|very
    """
)
"""Filler between a cue and what it governs ('not too fast', 'like some jazz')."""

DISMISSIVE: frozenset[str] = words(
    """
    cheesy corny cringe cringy generic boring annoying overplayed basic mainstream-y tacky lame garbage trash crap
    junk rubbish shite
    """
)
"""Opinions on what to leave out ('except the cheesy synth stuff'): read past, so the genre after them is excluded."""
CHEESY: frozenset[str] = words("cheesy corny cringe cringy tacky")
"""Opinions that name music of their own when nothing follows them ('upbeat but not cheesy')."""
CHEESY_GENRES: tuple[str, ...] = ("eurodance", "europop", "eurobeat", "bubblegum pop", "italo disco")
"""What 'not cheesy' leaves out: upbeat answered Aqua, Scatman John, O-Zone and Eiffel 65."""

COUNT_NOUNS: frozenset[str] = _phrases(
    """
    anthems|artists|bands|bangers|bops|classics|cuts|drops|gems|hits|items|jams|joints|more|numbers|ones|options|picks|
    pieces|rec|
    recommendation|recommendations|records|recs|results|song|songs|suggestions|things|titles|track|tracks|tune|tunes
    """
)
"""Nouns that make a number a count ('5 songs', 'ten tracks', 'a few deep cuts')."""

COUNT_LEADS: frozenset[str] = _phrases(
    """
    another|gimme|just|list|need|only|pick|play|recommend|suggest|top|want|find me|get me|give me|i need|i want|
    play me|recommend me|send me|show me|max|maximum|at most|no more than|up to
    """
)
"""Words that make a following number a count without a noun ('give me 3', 'top 5')."""

ERA_PREFIXES: frozenset[str] = _phrases(
    """
    around|back|circa|during|from|in|of|released|the
    """
)
"""Words that may open an era ('from the 80s', 'back in 2009')."""

ERA_BEFORE: frozenset[str] = _phrases(
    """
    before|pre|earlier than|older than|prior to
    """
)
"""'before 2000' -> up to 1999."""

ERA_UNTIL: frozenset[str] = _phrases(
    """
    through|till|until|up to|up until|no later than
    """
)
"""'until 2005' -> up to 2005."""

ERA_AFTER: frozenset[str] = _phrases(
    """
    after|post|later than|newer than
    """
)
"""'after 2015' -> from 2016."""

ERA_SINCE: frozenset[str] = _phrases(
    """
    since|starting|starting from|starting in|from at least
    """
)
"""'since 2015' -> from 2015."""

ERA_RANGE_JOIN: frozenset[str] = _phrases(
    """
    and|or|through|thru|till|to|until
    """
)
"""'2000 to 2010', '80s and 90s'."""

ERA_ONWARDS: frozenset[str] = _phrases(
    """
    on|onward|onwards|and after|and later|and newer|and up|or after|or later|or newer
    """
)
"""'2015 onwards' -> from 2015."""

ERA_EARLIER: frozenset[str] = _phrases(
    """
    and before|and earlier|and older|or earlier|or older
    """
)
"""'2000 and earlier' -> up to 2000."""

NEW_PLACES: frozenset[str] = _phrases(
    "new york|new orleans|new jersey|new zealand|new mexico|new england|new hampshire|new delhi|new haven"
)
"""Places whose name opens with 'new', which is then no era."""
TWO_WORD_PLACES: frozenset[str] = NEW_PLACES | _phrases(
    "los angeles|san francisco|las vegas|hong kong|buenos aires|san diego|el paso|st louis|saint louis"
)
"""Places named in two words: a song about one is about the place, not each word ('Good News' for 'new york')."""

SURPRISE: frozenset[str] = _phrases(
    """
    surprise me|surprise|anything|anything good|whatever|random|random songs|something random|any recs|recs|
    recommend me something|recommend me a song|recommend something|something good|good music|good songs|vibes|
    bangers|play something|play me something|play me something good|something to listen to|just play something|
    idk just play something|dealer s choice|your choice|you choose|you pick|impress me|blow my mind|
    surprise me with something|whats good|what s good|hit me|hit me with something|hit me up|shuffle|random song|
    song of the day|track of the day|what are you listening to|what do you listen to|what s your favorite song|
    whats your favorite song|your favorite song|your favourite song|what s everyone listening to|
    what everyone listening to|whats everyone listening to|what is everyone listening to|something for the vc|
    for the vc|what good|what r u listening to|what r you listening to|what are u listening to|what u listening to|wyd|
    im bored|i m bored|i am bored|so bored|
    whats the move|what s the move|what is the move|what the move|my playlist is mid|playlist is mid|
    my playlist is stale|playlist is stale|put me on|put me onto something|
    put me on to something|put something on|put on something|
    what should i put on|what should i play|what do i put on|what to put on|what should i listen to|music pls|
    music please|some music|some music pls|some music please|need something on|throw something on|
    stick something on|get something on|something on in the background|gimme a vibe|give me a vibe|a vibe|
    music for the studio|music for the studio pls|
    a bit of everything|bit of everything|a little bit of everything|little bit of everything|a little of everything|
    a mix of everything|mix of everything|bit of everything really|all kinds of music|all kinds of stuff|all sorts|
    all sorts of music|all sorts of stuff|all genres|any genre|every genre|all kinds of genres|all types of music|
    i like everything|i listen to everything|i listen to anything|i like all music|i like all kinds of music|
    open to anything|i m open to anything|anything goes|no preference|eclectic|eclectic mix|something eclectic
    """
)
"""Requests that name nothing and ask to be surprised: answered with a mix across genres, said so."""

FREE_TO_USE: frozenset[str] = _phrases(
    """
    no copyright|copyright free|royalty free|creative commons|free to use|non copyrighted|not copyrighted|
    no copyrighted|dmca free|stream safe|safe for streaming|safe for stream|for my stream|for streaming|for twitch|
    for my twitch|for youtube videos|for my youtube|for my videos|for a video|cc licensed|free music|twitch stream|
    my twitch stream|for my twitch stream|for a twitch stream|for a stream|on stream|while streaming|stream friendly|
    for my streams|for streams|dmca safe|dmca|no dmca|dmca friendly|copyright safe|without copyright|
    free of copyright|vod safe|vod friendly|won t get muted|won t get my vod muted|wont get my vod muted|
    get my vod muted|muted on my vod|for my vods|for my vod|streamer safe|twitch safe|safe for twitch|youtube safe|
    for the stream|on the stream|for stream
    """
)
"""Asks for songs a stream or a video may play: the Creative Commons catalog only."""

CLEAN_LYRICS: frozenset[str] = _phrases(
    """
    clean songs|clean versions|clean version|clean lyrics|clean ones|clean music|clean only|keep it clean|
    but clean|and clean|clean edits|clean edit|radio edits|radio edit versions|no explicit|nothing explicit|
    not explicit|non explicit|no explicit lyrics|no explicit songs|without explicit lyrics|no swearing|no cursing|
    no cussing|no cuss words|no curse words|no bad words|without swearing|without cursing|hr safe|keep it hr safe|
    work appropriate|school appropriate|safe for work|sfw|no profanity|without profanity|
    with the family|with my family|with family|with the whole family|with my whole family|for the whole family|
    nothing with cussing|nothing with swearing|nothing with curse words|with no cussing|with no swearing|
    without cussing|no swear words|no explicit stuff|nothing too explicit
    """
)
"""Asks for clean lyrics: the catalog knows no explicit flag, so songs with swearing in the title are left out and
the answer says what it could not check (set AK's DJ: 'clean songs for a middle school dance' was said unused). Music
with the family is clean music ('party songs with the family' left 'family' unread)."""

FOLLOW_UPS: frozenset[str] = _phrases(
    """
    the first one|the second one|the third one|the fourth one|the fifth one|the last one|that last one|
    the 1st one|the 2nd one|the 3rd one|the 4th one|the 5th one|the first two|the first three|the other one|
    the same artist|same artist|more of that|more like that|more like the first|do it again|again but|reroll|re roll|
    another one|the links|the link|the previous one|the one before|the ones you sent|what you sent|
    more pls|more please|more plz|ok more|more of those|that was mid|can u do better|can you do better|
    same vibe but|same vibes but|not feeling any of these|not feeling these|next page|another page|the next page
    """
)
"""Words that point back at an earlier answer ('more like the 3rd one', 'again but faster'): a message cannot see
it, so they are read as that and the answer says how to go on from one (its buttons), never looked up as names."""

NOVELTY_DEEP: frozenset[str] = _phrases(
    """
    new artists|new bands|fresh artists|artists i don t know|bands i don t know|new names|some new names|
    new faces|new people|new singers|
    discover|discovery|esoteric|gems|niche|obscure|obscurities|rare|rarities|underground|underrated|undiscovered|
    unknown|unusual|b sides|deep cut|deep cuts|deeper cuts|deep tracks|havent heard|hidden|hidden gem|hidden gems|
    less known|
    less mainstream|less popular|lesser known|little known|never heard|no hits|non mainstream|not famous|
    not mainstream|not popular|something different|haven t heard|new to me|not so popular|not the usual|
    not the usual ones|not the usual stuff|not the usual songs|not the obvious ones|
    not too popular|not well known|under the radar|off the beaten path|nobody knows|no one knows|nobody has heard|
    nobody s heard|nobody listens to|werent singles|weren t singles|not singles|non singles|not the singles|
    has heard of|have heard of|has never heard|never heard of|hasnt heard|
    hasn t heard|haven t heard of|havent heard of|nobody talks about|no one talks about|
    not the obvious|not the obvious stuff|not the super obvious ones|not so obvious|less obvious|non obvious|
    not obvious|overplayed|less overplayed|not overplayed|not the radio stuff|not the radio hits|no radio hits|
    not radio hits|not on the radio|off the radio|nothing on the radio|nothing they play on the radio|
    nothing from the radio|not the overplayed ones|not on every playlist|
    not the songs on every playlist|not the ones on every playlist|not the songs on every|not the ones on every|
    not what s on every playlist|not whats on every playlist|
    not cheesy|not the cheesy ones|not the cheesy stuff|nothing cheesy|no cheesy|less cheesy|not too cheesy|
    besides the big singles|besides the singles|besides the hits|besides the big hits|other than the hits|
    other than the singles|apart from the hits|apart from the singles|beyond the hits|beyond the singles
    """
)
NOVELTY_DEEP |= frozenset(f"but {p}" for p in NOVELTY_DEEP if p.startswith("not "))  # 'but not' is a negation cue
"""Asks for the novelty dial at DEEP."""

NOVELTY_FAMILIAR: frozenset[str] = _phrases(
    """
    hot right now|what s hot|top songs|top tracks|top songs this week|this week|this weeks|this month|
    biggest|chart|charts|classic|classics|commercial|essential|essentials|famous|hits|mainstream|popular|staples|trending|
    viral|tiktok|tik tok|tiktok songs|tiktok hits|went viral|
    best known|big hits|chart toppers|crowd pleaser|crowd pleasers|everyone knows|greatest hits|most popular|
    catchy|hooky|earworm|earworms|everybody knows|songs everybody knows|songs everyone knows|everyone already knows|
    everybody already knows|
    recognise|recognize|recognisable|recognizable|people recognise|people recognize|people know|
    radio friendly|the hits|top 40|top hits|well known|anthems everyone knows|bangers everyone knows|
    familiar|familiar songs|familiar tunes|familiar ones|songs they know|songs they ll know|tunes they know|
    chart hits|chart songs|chart stuff|the charts|on the charts|from the charts|the top 40|the top 100|top 100|
    hot 100|beatport top 100|billboard top 100|billboard hot 100|spotify top 50|the top 50|in the charts|
    on the top 100|on the top 40|on the beatport top 100|on the billboard hot 100|in the top 40|in the top 100|
    best|best songs|best tracks|best music|greatest songs|greatest tracks|greatest|of all time|all time classics|
    timeless|beginner|beginners|for beginners|for a beginner|new to it|im new to it|i m new to it|new to this|
    new to|im new to|i m new to|where to start|where do i start|starter|starter pack|intro to|introduction to|
    introduce me to|introduce someone to|introduce somebody to|introduce a friend to|introduce my friend to|
    introduce my friends to|radio hits|on the radio|
    getting into|just getting into|where should i start|where can i start|where to begin|where do i begin|
    where should i begin|where can i begin|start with|starting with|begin with|get into|accessible|more accessible|
    easy to get into|easier to get into|
    cheesy|tailgate|tailgating|tailgate party|top|
    whats hot|what hot|hot rn|whats popping|what s popping|what popping|whats poppin|what s poppin|what poppin
    """
)
"""Asks for the novelty dial at FAMILIAR."""

WAY_IN: frozenset[str] = _phrases(
    """
    where to start|where do i start|where should i start|where can i start|where to begin|where do i begin|
    where should i begin|where can i begin|start with|starting with|begin with|intro to|introduction to|
    getting into|just getting into|get into|new to|
    im new to|i m new to
    """
)
"""Familiar phrases after which the act to start with is named, its name cued however everyday its words ('where do
i start with the smiths' left 'smiths' unread: lowercase 'the smiths' alone is two everyday words)."""

FRIENDS = frozenset({"friend", "friends", "mate", "mates", "buddy", "pal", "pals"})
"""After 'best', people, not the best-known songs ('my best friend is moving away')."""

VOICES: Mapping[str, str] = MappingProxyType(
    {
        "female": "female",
        "females": "female",
        "women": "female",
        "woman": "female",
        "womens": "female",
        "girl": "female",
        "girls": "female",
        "lady": "female",
        "ladies": "female",
        "male": "male",
        "men": "male",
        "boy": "male",
        "boys": "male",
    }
)
"""Who sings it ('female rappers', 'rock with female vocals'): read only beside a genre or a voice noun, so "girls"
alone stays a word and "Women" stays a band."""

VOICE_ADJECTIVES: frozenset[str] = words("female male")
"""Voice words that are only ever who sings: read beside the songs or a mood asked for too ('sad female songs')."""

VOICE_NOUNS: frozenset[str] = words(
    """
    singers singer vocalists vocalist vocals vocal voices voice artists artist musicians acts groups group bands band
    duos fronted led singing sings singin
    """
)
"""Nouns that make a voice word a request by itself ('female singers', 'girl bands', 'female-fronted', 'a girl
singing')."""

VOICE_GENRES: Mapping[str, str] = MappingProxyType({"female": "female vocalists", "male": "male vocalists"})
"""The catalog tag a voice asks for when no genre goes with it ('female singers')."""
GROUP_NOUNS: frozenset[str] = words("groups group bands band")

VOICE_TAIL_NOUNS: frozenset[str] = words("bands band groups group artists acts music songs tracks stuff")
VOICE_TAIL_LINKS: frozenset[str] = words("with by featuring from")

EMOJI: dict[str, str] = {
    "\U0001f525": "bangers", "\U0001f622": "sad", "\U0001f494": "heartbreak",
    "\U0001f389": "party", "\U0001f973": "party", "\u2600": "summer", "\U0001f31e": "summer",
    "\U0001f327": "rainy", "\u2614": "rainy", "\U0001f634": "sleep", "\U0001f4aa": "workout",
    "\U0001f3cb": "workout", "\U0001f57a": "dance", "\U0001f483": "dance", "\u2764": "romantic",
    "\U0001f495": "romantic", "\U0001f60c": "chill", "\U0001f319": "night", "\U0001f697": "driving",
    "\U0001f4da": "study", "\U0001f618": "romantic", "\U0001f621": "angry", "\U0001f620": "angry",
    "\U0001f384": "christmas", "\U0001f383": "halloween", "\U0001f3b8": "rock", "\U0001f918": "metal",
    "\U0001f3b9": "piano", "\U0001f3b7": "jazz", "\U0001f920": "country",
    "\U0001f3d6": "summer", "\U0001f342": "autumn", "\u2744": "winter", "\U0001f47b": "halloween",
    "\U0001f9d8": "meditation", "\U0001f1e7\U0001f1f7": "brazilian", "\U0001f1f0\U0001f1f7": "k pop",
    "\U0001f1eb\U0001f1f7": "french", "\U0001f1e9\U0001f1ea": "german", "\U0001f1ef\U0001f1f5": "japanese",
    "\U0001f1f2\U0001f1fd": "mexican", "\U0001f1ea\U0001f1f8": "spanish",
}  # fmt: skip
"""Emoji that say a mood, a genre or a place in a chat request ('🔥🔥🔥', 'songs for 🌧 days', '🎸🔥', '🇧🇷 hits');
the tokenizer drops every other one. Not 😭: chat uses it for laughing as often as for tears ('pop but NOT taylor
swift im so tired of her 😭' was answered with sad songs)."""

NAMED_ERAS: dict[str, tuple[int, int]] = {"y2k": (1998, 2004), "wartime": (1939, 1945), "ww2": (1939, 1945)}
"""Eras known by a name rather than a decade ('y2k pop': the turn of the millennium, not the producer Y2K)."""

COUNTRIES: dict[str, str] = {
    country: adjective
    for adjective, names in {
        "british": "uk|britain|great britain|england|the uk|scotland",
        "american": "usa|us|america|the us|the usa|the states",
        "german": "germany", "french": "france", "japanese": "japan", "korean": "korea|south korea",
        "brazilian": "brazil|brasil", "spanish": "spain", "mexican": "mexico", "argentina": "argentina",
        "italian": "italy", "swedish": "sweden", "norwegian": "norway", "icelandic": "iceland", "russian": "russia",
        "jamaican": "jamaica", "irish": "ireland", "canadian": "canada", "australian": "australia",
        "nigerian": "nigeria", "cuban": "cuba", "colombian": "colombia", "polish": "poland", "finnish": "finland",
        "dutch": "netherlands|the netherlands|holland", "indian": "india", "turkish": "turkey", "greek": "greece",
        "portuguese": "portugal", "danish": "denmark", "belgian": "belgium", "swiss": "switzerland",
        "austrian": "austria", "chilean": "chile", "venezuelan": "venezuela",
    }.items()
    for country in names.split("|")
}  # fmt: skip
"""A country after 'from' ('indie bands from the uk') -> the place adjective a scene is made of ('british indie')."""

PRAISE: frozenset[str] = frozenset({"good", "great", "nice", "cool", "awesome", "amazing", "decent", "solid"})
"""Words that praise what is asked for ('any good indie bands'): they ask nothing, so they are not reported unused."""

SUNG_IN_SCENES: dict[str, str] = {"portuguese": "brazilian", "portugues": "brazilian"}
"""A language -> the scene that sings it here: 'songs in portuguese' are Brazil's (the catalog's 'portuguese' tag is on
seven acts without a song, so it answered Rascal Flatts and netlabel folk)."""
PLACE_SPELLINGS: dict[str, str] = {"argentinian": "argentina", "argentine": "argentina", "argentinean": "argentina"}
"""Adjectives of a place besides the one in `COUNTRIES` ('argentine rock'), -> that one."""

CITIES: frozenset[str] = frozenset(
    {"brooklyn", "london", "seattle", "detroit", "berlin", "paris", "manchester", "montreal", "glasgow", "hamburg"}
)
"""One-word cities listeners tag a scene with ('seattle' on grunge bands), read after 'from' when the catalog has
the tag."""

OWN_SONGS: tuple[str, ...] = (
    *("songs", "song", "tracks", "hits", "tunes", "bangers", "classics", "playlist", "joints", "cuts"),
    *("greatest hits", "biggest hits", "best songs", "top songs", "best hits", "essentials"),
    *("deep cuts", "deep cut", "deep tracks", "b sides", "rarities", "album tracks", "deeper cuts"),
    *("produced tracks", "produced songs", "produced", "productions", "prod"),  # a producer's own
)
"""After an artist's name, their own songs ('queen hits', and the lesser-known: 'radiohead deep cuts')."""

REQUEST_NOUNS: frozenset[str] = words(
    """
    music songs song tracks track tunes playlist something stuff jams mix radio station pieces
    listen hear play recommend recommendation recommendations rec recs suggest suggestion suggestions
    bops bangers hits anthems joints produced prod production
    """
)
"""A request made only of these and function words ('music', 'any recs?', 'what should i listen to') asks to be
surprised: it asks for music and names nothing to steer by."""

DECADE_WORDS: dict[str, int] = {
    "fifties": 1950,
    "sixties": 1960,
    "seventies": 1970,
    "eighties": 1980,
    "nineties": 1990,
    "noughties": 2000,
    "aughts": 2000,
    "two thousands": 2000,
    "twenty tens": 2010,
    "the teens": 2010,
}
"""Spelled-out decades -> their first year."""

RECENT_WORDS: dict[str, int] = {
    "right now": 2,
    "recent": 4,
    "recently": 4,
    "latest": 2,
    "newest": 2,
    "new": 4,
    "fresh": 3,
    "current": 2,
    "lately": 3,
    "nowadays": 4,
    "newer": 8,
    "more recent": 8,
    "more modern": 8,
    "modern": 8,
    "these days": 4,
    "new releases": 2,
    "brand new": 1,
    "this year": 0,
    "last few years": 4,
    "past few years": 4,
    **{
        f"{last} {span}": years
        for last in ("last", "past")
        for years, spans in (
            (5, ("five years", "5 years")),
            (10, ("ten years", "10 years", "decade")),
            (15, ("fifteen years", "15 years")),
            (20, ("twenty years", "20 years", "two decades", "2 decades", "couple of decades", "couple decades")),
            (30, ("thirty years", "30 years", "three decades", "few decades")),
        )
        for span in spans
    },
    "this decade": 9,
    "from now": 4,
    "from today": 4,
    "of today": 4,
    "modern day": 8,
    **dict.fromkeys(("new gen", "new generation", "new school", "newschool"), 6),  # 'rap ... new gen only'
}
"""Word -> how many years before the reference year it reaches back ('recent' = the last five years)."""

OLD_WORDS: dict[str, int] = {
    "oldies": 1979,
    "old school": 1999,
    "oldschool": 1999,
    "old": 1999,
    "older": 2005,
    "less recent": 2005,
    "vintage": 1979,
    "throwback": 2012,
    "throwbacks": 2012,
    "tbt": 2012,
    **dict.fromkeys(("retro songs", "retro music", "retro hits", "retro classics"), 1999),
}
"""Word -> the latest release year it allows."""

NICKNAMES: dict[str, str] = {
    "elvis": "Elvis Presley",  # Costello is known well enough to share the name, but 'elvis' alone was a mood
    "frankie beverly": "Maze",  # 'frankie beverly and maze': the catalog files the band as Maze
    "frankie beverly and maze": "Maze",
    "waylon": "Waylon Jennings",  # 'waylon and willie': the 2011 listening data knows him too little for a short name
    "tswift": "Taylor Swift",
    "racionais": "Racionais MC's",
    "t swift": "Taylor Swift",
    "tay tay": "Taylor Swift",
    "kdot": "Kendrick Lamar",
    "k dot": "Kendrick Lamar",
    "ye": "Kanye West",
    "yeezy": "Kanye West",
    "mj": "Michael Jackson",
    "riri": "Rihanna",
    "drizzy": "Drake",
    "queen bey": "Beyoncé",
    "hov": "JAY-Z",
    "hova": "JAY-Z",
    "slim shady": "Eminem",
    "mgk": "Machine Gun Kelly",
    "biggie": "The Notorious B.I.G.",
    "biggie smalls": "The Notorious B.I.G.",
    "tupac": "2Pac",
    "weezy": "Lil Wayne",
    "jcole": "J. Cole",
    "xxx": "XXXTENTACION",
    "rhcp": "Red Hot Chili Peppers",
    "tom jobim": "Antônio Carlos Jobim",
    "jobim": "Antônio Carlos Jobim",
    "caetano": "Caetano Veloso",
    "sidhu": "Sidhu Moose Wala",  # the diaspora's short names ('punjabi but no sidhu' left him in)
    "moosewala": "Sidhu Moose Wala",
    "sidhu moosewala": "Sidhu Moose Wala",
    "diljit": "Diljit Dosanjh",
    "honey singh": "Yo Yo Honey Singh",
    "arijit": "Arijit Singh",
    "selena quintanilla": "Selena",
    "selena quintanila": "Selena",
    "selena y los dinos": "Selena",
}
# K-pop acts as Korean members type them in Hangul ('요즘 블랙핑크 같은 girl crush vibe' left the name unknown), and
# acts in Arabic script; keyed as `normalize_name` spells them (it splits each Hangul syllable into its letters).
NICKNAMES |= {
    normalize_name(typed): name
    for typed, name in {
        "블랙핑크": "BLACKPINK", "방탄소년단": "BTS", "방탄": "BTS", "트와이스": "TWICE", "레드벨벳": "Red Velvet",
        "세븐틴": "SEVENTEEN", "마마무": "Mamamoo", "스트레이 키즈": "Stray Kids", "샤이니": "SHINee",
        # and Western and Arab acts as Arabic-script members write them ('اغاني زي ايمينم')
        "ايمينم": "Eminem", "امينم": "Eminem", "ذا ويكند": "The Weeknd", "كولدبلاي": "Coldplay",
        "لينكين بارك": "Linkin Park", "عمرو دياب": "Amr Diab", "تايلور سويفت": "Taylor Swift", "دريك": "Drake",
        "بيلي ايليش": "Billie Eilish", "ترافيس سكوت": "Travis Scott",
    }.items()
}  # fmt: skip
"""What fans call an act ('tswift', 'kdot', 'ye's 808s'): the act's catalog name (read only when the catalog has it).
'ye' was the band Yes, 'mj' and 'tswift' unknown names."""

WITHIN_GENRE: Mapping[str, str] = MappingProxyType({"baroque": "classical"})
"""A genre inside another that the genre tree does not place there ('baroque classical' is baroque)."""
PLACE_GENRES: Mapping[str, str] = MappingProxyType(
    {"city pop": "japanese", "grime": "british", "krautrock": "german", "neue deutsche welle": "german"}
)
"""Genres of one place whose acts listeners do not tag with it: that place before them names the genre itself
('japanese city pop': Omega Tribe is tagged city pop, not Japanese; 'uk grime'). Not the others: a place narrowing
'schlager', 'britpop' or 'pagode' to the acts tagged with it keeps playlist-label noise out (Katy Perry under
schlager, Robbie Williams under britpop), measured on each."""

GOLDEN_ERAS: dict[str, tuple[int, int]] = {"golden era": (1986, 1997), "golden age": (1986, 1997)}
"""Hip hop's golden era, when 'hip hop' or 'rap' stands within three words of it ('golden era hip hop', 'rap from
the golden age'); a golden age of anything else is not a year range this knows."""
GOLDEN_GENRES = frozenset({"hip", "hop", "hiphop", "rap", "boom", "bap"})
YOUNG_GENRES: dict[str, int] = {
    **dict.fromkeys(("reggaeton", "regueton", "reguetón", "reggaetón", "perreo", "dembow"), 2010),
    **dict.fromkeys(("dubstep", "brostep"), 2013),
    "trap": 2015,
    "kpop": 2012,  # "k-pop" is two tokens, so only the joined spelling is read here
    "edm": 2014,
    "grime": 2009,
}
"""Genres born late, each with the last year of its own old school: 'reggaeton viejo' is Gasolina (2004), not the
99-and-before that 'old' means at large (El General, Elvis Crespo's merengue)."""

GENERATIONS: dict[str, tuple[int, int]] = {
    phrase: years
    for years, phrases in (
        (
            (1975, 1999),
            "when my parents were young|my parents music|my parents era|my parents time|"
            "my moms music|my dads music|my mom s music|my dad s music|music my parents like|songs my parents like|"
            "music my parents listen to|songs my parents listen to|era of my parents|time of my parents|"
            "mother s day|mothers day|father s day|fathers day|mother day|father day|"
            "my mom used to play|my mum used to play|my dad used to play|my parents used to play|my mom played|"
            "my mum played|my dad played|my parents played|my mom would play|my dad would play|my parents would play|"
            "my mom used to listen to|my dad used to listen to|my parents used to listen to",
        ),
        (
            (1950, 1975),
            "when my grandparents were young|my grandparents music|my grandmas music|my grandpas music|"
            "my grandma s music|my grandpa s music|my grandma would|my grandpa would|my grandparents would|"
            "era of my grandparents|time of my grandparents",
        ),
        (  # a chat-age member's school years and childhood, as the catalog's years run (to 2020)
            (2004, 2014),
            "high school|highschool|middle school|my teens|my teenage years|when i was a teen|when i was a teenager",
        ),
        ((2000, 2010), "my childhood|when i was a kid|when i was little|when i was a child"),
    )
    for phrase in phrases.split("|")
} | {
    # An age is no decade: 'a house party with people in their 30s' was the 1930s (Toscanini, Benny Goodman). It is
    # the years they were young in, as the catalog's years run (to 2020): the hits of their teens and twenties.
    f"{who} {age}s": years
    for age, years in (
        (20, (2010, 2020)),
        (30, (2000, 2015)),
        (40, (1990, 2005)),
        (50, (1980, 1995)),
        (60, (1970, 1985)),
        (70, (1960, 1975)),
        (80, (1955, 1970)),
        (90, (1945, 1960)),
    )
    for who in ("in their", "in my", "in our", "in your", "in his", "in her", "people in their", "friends in their")
}
"""A generation's music, as the listener says it (~15-35 years before a chat-age member's; shown as the years), and
the years of an age's youth."""

GENRE_HEADS: frozenset[str] = words(
    """
    afrobeat afrobeats ambient americana bachata bluegrass blues bop breakbeat breaks chanson classical core country
    cumbia dancehall disco drill drone dub ebm edm electro electronic electronica emo fi folk funk garage gaze
    gospel goth gothic grime grunge hardcore hop house idm indie industrial jazz jpop jungle kpop krautrock lounge
    metal noise nova opera pop psychedelia punk rap reggae reggaeton rnb rock salsa samba shoegaze ska soul step
    swing tango techno trance trap wave
    """
)
"""A catalog tag ending in one of these is a genre ('female fronted metal', 'french house'), not a user opinion."""

TITLE_NUMBERING = frozenset({"no", "number", "vol", "volume", "pt", "part", "op", "opus"})
"""Words before a number that make it part of a title ('Black No. 1', 'Symphony No. 5'), not a count."""

JOINED_HEADS: tuple[str, ...] = ("core", "folk", "grind", "pop", "punk", "rock", "trance", "wave")
"""A one-word tag ending in one of these, after three letters or more, is a genre written as one word ('dreampop',
'horrorpunk', 'darkwave', 'psytrance'), as listeners file them."""

GENRE_TAGS: frozenset[str] = _phrases(
    """
    piano|guitar|saxophone|violin|cello|trumpet|flute|harp|accordion|ukulele|banjo|harmonica|christmas|xmas|
    halloween|anime|west coast|east coast|g funk|
    alternative|avant garde|baroque|
    big room|breakcore|chill out|chillout|chiptune|downtempo|easy listening|experimental|
    glitch|indie poptimism|j pop|j rock|k pop|latin|leftfield|minimal|mpb|forro|post punk revival|
    garage rock revival|new age|orchestral|permanent wave|
    post punk|post rock|r and b|singer songwriter|soundtrack|trip hop|tropical|urban contemporary|world|
    avantgarde|british invasion|illbient|madchester|melbourne bounce|nwobhm|ragtime|riot grrl|riot grrrl|rocksteady
    """
)
"""Catalog tags that are genres without a telling last word, and the instruments listeners file artists under."""

TYPE_BEAT: frozenset[str] = _phrases("type beat|type beats|type song|type songs|type music|type stuff")
"""'nirvana type beat': the name before it is a seed (the producers' idiom for 'in the style of')."""

TITLE_OPENERS = frozenset(
    {"hey", "take", "on", "all", "one", "every", "just", "let", "do", "dont", "stay", "under", "hello", "into", "is"}
)
"""Function words that often open a song title ('Hey Jude', 'Take On Me', 'Stay With Me', 'Hello', 'Into the Black',
'Is This Love': 'in the vein of into the black by chromatics' looked for 'black')."""
