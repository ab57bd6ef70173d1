"""Genres read as the acts that made them known (`PLAYED_BY`): scenes no catalog tag answers well ('future bass',
'drill', 'phonk'), a voice known by its singers ('a really deep male voice'), newer scenes whose acts carry no
listener tag that says so ('k-pop girl groups'), films' music and sounds (`screen`, `sounds`). Only acts the catalog
has count (`QueryParser._played_by`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from segue.engine.query.crews import CITY_RAP, CREW_ACTS, CREW_SAID
from segue.engine.query.genres import ALIASES
from segue.engine.query.local_scenes import FOLK_SCENES, LOCAL_SAID, LOCAL_SCENES, UK_CITIES, UK_RAP
from segue.engine.query.local_scenes import OVER_A_STRAY_TAG as LOCAL_OVER_A_STRAY_TAG
from segue.engine.query.screen import (
    FILM_SCORE,
    GAMING_ACTS,
    GAMING_WORDS,
    SCORE_ACTS,
    SCORE_TITLES,
    SCORE_WORDS,
    SCREEN_MUSIC,
    STAGE_MUSIC,
)
from segue.engine.query.sounds import SOUND_ACTS
from segue.text import normalize_name

__all__ = [
    "ACROSS_GENRES",
    "FIRST_DANCE_PLAYED",
    "GYM_ANTHEMS",
    "HALLOWEEN_WORDS",
    "LYRICS_PHRASES",
    "OCCASIONS_PLAYED",
    "ONE_HIT_WONDERS",
    "ONE_HIT_WORDS",
    "OVER_A_STRAY_TAG",
    "OVER_THEIR_TAG",
    "PLAYED_AS",
    "PLAYED_BY",
    "PLAYED_BY_SAID",
    "RETRO_FROM",
    "RETRO_SOUNDS",
    "SAD_BANGERS",
    "VOICED_SCENES",
    "played_acts",
]

_DEEP_VOICE_WORDS = (
    *("deep voice", "deep voices", "deep male voice", "deep male voices", "deep male vocals", "deep vocals"),
    *("baritone", "baritone voice", "low voice"),
)
_K_GIRLS = ("BLACKPINK", "Red Velvet", "Mamamoo", "TWICE", "ITZY", "(G)I-DLE", "EXID", "IZ*ONE", "2NE1", "4Minute")
_K_BOYS = ("BTS", "SEVENTEEN", "GOT7", "Stray Kids", "NCT 127", "TOMORROW X TOGETHER", "SHINee")
_K_VOICED = {
    voice: (
        *(f"{k} {voice} {noun}" for k in ("k pop", "kpop", "korean") for noun in ("groups", "group", "bands", "band")),
        *(f"{k} {voice}s" for k in ("k pop", "kpop")),
        *(f"{adjective} {k}" for k in ("k pop", "kpop")),
    )
    for voice, adjective in (("girl", "female"), ("boy", "male"))
}
"""How members ask for K-pop's girl and boy groups ('kpop boy bands', 'kpop boys', 'male kpop' were empty)."""
_GIRL_CRUSH = ("2NE1", "BLACKPINK", "ITZY", "(G)I-DLE", "EXID", "CL", "HyunA", "SUNMI", "4Minute")
"""K-pop's fierce girl-group style, not a crush ('more girl crush like 2ne1' was Pussycat Dolls and P!nk)."""
_K_BALLADS = ("TAEYEON", "Ailee", "Younha")
_K_BALLAD_WORDS = tuple(
    f"{k} {b}" for k in ("k", "kpop", "k pop", "korean") for b in ("ballad", "ballads", "ballad songs")
)
_K_DRAMA_WORDS = (
    *(f"{k} {o}" for k in ("k drama", "kdrama", "korean drama") for o in ("ost", "osts", "songs", "soundtrack")),
    *("k drama", "kdrama", "kdramas", "k dramas"),
)
"""A K-drama's OST is its ballads ('k-drama ost' was an empty answer)."""
_LATIN_TRAP = (
    *("Anuel AA", "Bad Bunny", "Bryant Myers", "Farruko", "Arcangel", "Ozuna", "Myke Towers", "Brytiago"),
    *("Noriel", "De La Ghetto", "Jhay Cortez", "Eladio Carrion"),
)
_G_FUNK = ("Dr. Dre", "Snoop Dogg", "Warren G", "Nate Dogg", "DJ Quik", "Tha Dogg Pound", "Kurupt", "2Pac", "Ice Cube")
_JAZZ_RAP = (
    *("A Tribe Called Quest", "Digable Planets", "Gang Starr", "De La Soul", "The Roots", "The Pharcyde"),
    *("Pete Rock & C.L. Smooth", "Jurassic 5", "Madlib", "J Dilla", "Common", "Souls Of Mischief", "Nujabes"),
    *("Loyle Carner", "Saba"),
)
"""The acts that made jazz rap known: the catalog's 'jazz rap' is one playlist's name on today's acts (Mac Miller,
Saba, J. Cole), and no listener tag of 2011 calls A Tribe Called Quest or Digable Planets that."""
_JAZZ_RAP_WORDS = ("jazz hop", "jazzhop", *(k for k, v in ALIASES.items() if v == "jazz rap" and k != "jazzy hip hop"))
"""Every spelling of jazz rap ('hip hop with jazz samples'), but 'jazzy hip hop', a tag with acts of its own."""
_CONSCIOUS = (
    *("Kendrick Lamar", "Common", "Mos Def", "Talib Kweli", "Lupe Fiasco", "J. Cole", "Nas", "Public Enemy"),
    *("KRS-One", "Joey Bada$$", "Noname", "Run The Jewels", "The Roots", "A Tribe Called Quest"),
)
"""The acts of conscious rap: the catalog has no tag for it, and 'conscious hip hop' read as rap at large (read
as its nearest genre) and 'conscious rap' said 'conscious' unused."""
_CONSCIOUS_WORDS = (
    *("conscious rap", "conscious hip hop", "conscious hiphop", "socially conscious rap", "political rap"),
    *("political hip hop", "conscious rappers", "conscious lyrics"),
)
_LYRICAL_RAP = (
    *("Kendrick Lamar", "Nas", "J. Cole", "Eminem", "Lupe Fiasco", "MF DOOM", "Rakim", "Mos Def", "Big Pun"),
    *("Joey Bada$$", "Royce Da 5'9\"", "Talib Kweli", "Common"),
)
"""Rap's lyricists, said mostly against its party songs ('rap but no mumble rap, actual lyricists')."""
_LYRICAL_RAP_WORDS = (
    *("lyricists", "lyricist", "real lyricists", "actual lyricists", "lyrical rap", "lyrical hip hop"),
    "lyrical rappers",
)
_OPM = (
    *("Eraserheads", "Rivermaya", "Parokya Ni Edgar", "Bamboo", "Hale", "Callalily", "Sponge Cola", "Kamikazee"),
    *("Urbandub", "Moonstar88", "6cyclemind", "Imago", "Itchyworms", "Orange & Lemons", "Sandwich", "Cueshé"),
)
"""Original Pilipino Music, by its bands: no tag says Filipino, and 'opm' was the American band OPM."""
_OPM_WORDS = (
    *("opm", "opm songs", "opm bands", "opm band", "opm rock", "pinoy", "pinoy rock", "pinoy bands", "pinoy band"),
    *("pinoy music", "pinoy songs", "filipino music", "filipino songs", "filipino bands", "filipino rock"),
    *("tagalog songs", "tagalog music", "music from the philippines", "songs from the philippines"),
)
ONE_HIT_WONDERS = (
    *("a-ha", "Soft Cell", "The Buggles", "Nena", "Eiffel 65", "Lou Bega", "Chumbawamba", "Vanilla Ice"),
    *("Right Said Fred", "Gotye", "Los Del Rio", "Haddaway", "New Radicals", "Semisonic", "Marcy Playground"),
    *("Tommy Tutone", "Men Without Hats", "The Vapors", "Wheatus", "The Proclaimers", "Spin Doctors", "Rednex"),
    *("Cutting Crew", "Kajagoogoo", "Blind Melon", "Fountains Of Wayne", "Sixpence None The Richer", "Baltimora"),
    *("Lipps Inc.", "Vanessa Carlton", "Deee-Lite", "Technotronic", "Ram Jam", "Fastball", "Mark Morrison"),
)
"""Acts the charts know for one song, asked for as theirs alone (`canon.one_hit_wonders`)."""
ONE_HIT_WORDS = frozenset(
    {
        *("one hit wonders", "one hit wonder", "one-hit wonders", "one-hit wonder", "1 hit wonders"),
        *("one hit wonder songs", "one hit wonders songs"),
    }
)
"""How members ask for them ('one hit wonders' was an unknown 'hit wonders' and an empty answer)."""
_SAD_BANGERS = (
    *("Robyn", "Lorde", "Carly Rae Jepsen", "Bronski Beat", "New Order", "Pet Shop Boys", "Tears For Fears"),
    *("CHVRCHES", "Erasure", "Soft Cell", "Lykke Li", "The Killers"),
)
"""The acts of the sad song made to dance to (Dancing On My Own, Smalltown Boy): 'sad songs but make them danceable'
was any song low in brightness and high in danceability ($uicideBoy$, John Mayer's 'Gravity')."""
SAD_BANGERS = "sad bangers"
"""How a sad mood beside a dancing one is read (`scan`), and said."""
GYM_ANTHEMS = "gym anthems"
"""How the workout mood alone is read (`scan`), and said: by and like the acts of the gym's anthems."""
_GYM = (
    *("Eminem", "Survivor", "DMX", "Rage Against The Machine", "Linkin Park", "AC/DC", "Kanye West", "50 Cent"),
    *("The Prodigy", "Run The Jewels", "House of Pain", "Metallica"),
)
"""The acts of the gym's anthems ('Lose Yourself', 'Eye of the Tiger', 'Killing In The Name'): 'gym motivation'
and 'songs for a workout' were festival EDM (Tujamo, Sigala, Dzeko), the workout mood's loudness floor shutting out
'Lose Yourself' itself."""
_SAD_BANGER_WORDS = (
    *(
        SAD_BANGERS,
        "sad banger",
        "sad dance",
        "sad dance songs",
        "sad songs to dance to",
        "sad dance music",
        "sad disco",
    ),
    *("crying on the dancefloor", "crying on the dance floor", "crying in the club", "cry in the club"),
    *("dancing while crying", "dance while crying", "sad but danceable", "danceable sad songs"),
)
_FIRST_DANCE = (
    *("Ed Sheeran", "John Legend", "Etta James", "Christina Perri", "James Arthur", "Calum Scott", "Jason Mraz"),
    *("Bruno Mars", "Dan + Shay", "Chris Stapleton", "Brett Young", "Whitney Houston"),
)
"""The acts of the first dance: 'wedding first dance' was 80s power ballads (Bryan Adams, Air Supply), 'Perfect' and
'At Last' being here."""
_FIRST_DANCE_WORDS = (
    *("first dance", "wedding first dance", "first dance songs", "wedding first dance songs", "our first dance"),
    *("wedding slow dance", "wedding love songs", "songs for our wedding", "wedding song", "wedding songs"),
    # the ceremony's walk is as tender as the first dance ('walking down the aisle songs' was an empty answer,
    # 'music for a wedding ceremony' the band Ceremony)
    *("wedding ceremony", "the ceremony", "ceremony music", "for the ceremony", "walking down the aisle"),
    *("walk down the aisle", "down the aisle", "aisle songs", "processional", "wedding processional"),
    *("for a wedding ceremony", "for the wedding ceremony", "at a wedding ceremony", "for a ceremony"),
)
_GHIBLI = ("Joe Hisaishi", "Ryuichi Sakamoto", "Akira Kosemura", "Nils Frahm", "Library Tapes", "Peter Broderick")
"""Joe Hisaishi's gentle film piano and strings ('music like studio ghibli' was an empty answer): the catalog lacks
him, so the acts of that sound it has, said as the sound, not as the films' own artists."""
_GHIBLI_WORDS = (
    *("studio ghibli", "ghibli", "ghibli music", "ghibli soundtrack", "ghibli soundtracks", "studio ghibli music"),
    *("studio ghibli soundtrack", "ghibli vibes"),
)
_GAME_CALM = ("C418", "Aphex Twin", "Akira Kosemura", "Nils Frahm", "Library Tapes", "biosphere")
"""C418's calm piano and ambience of Minecraft ('minecraft music' was an empty answer): the catalog lacks him."""
_GAME_CALM_WORDS = ("minecraft", "minecraft music", "minecraft soundtrack", "minecraft ost", "c418", "minecraft vibes")
_HALLOWEEN = (
    *("Rob Zombie", "Alice Cooper", "Oingo Boingo", "Ozzy Osbourne", "Siouxsie and the Banshees", "Bauhaus"),
    *("Marilyn Manson", "Warren Zevon", "Blue Öyster Cult", "Ray Parker, Jr."),
)
"""The acts of a Halloween night, beside the spooky titles (`regroup.spooky_titles`): listeners tagged 'halloween' on
nine songs, two Bobby Brown hits first and no 'Thriller'."""
HALLOWEEN_WORDS = (
    *("halloween", "halloween songs", "halloween party", "halloween music", "halloween playlist", "spooky songs"),
    *("spooky music", "spooky season", "spooky season songs", "halloween night", "halloween bangers"),
)
_WEDDING_FLOOR = (
    *("Bruno Mars", "Michael Jackson", "Whitney Houston", "Kool & The Gang", "Earth, Wind & Fire", "Mark Ronson"),
    *("Justin Timberlake", "Beyoncé", "Journey", "ABBA", "Bon Jovi", "Queen", "Sister Sledge", "Bee Gees"),
    *("Neil Diamond", "Lizzo", "Pharrell Williams", "Usher", "The Black Eyed Peas", "OutKast", "WALK THE MOON"),
)
"""The acts of the wedding floor (and an office party's), the songs every generation in the room dances to
('September', 'Uptown Funk', 'I Wanna Dance with Somebody'): 'give me 15 floor fillers for a wedding' was 80s power
ballads (Bryan Adams, Pat Benatar, Air Supply), 'wedding' read as the romantic mood, and 'wedding dance floor' 2019's
club EDM (Topic, Tiësto)."""
_WEDDING_FLOOR_WORDS = (
    *("wedding", "weddings", "for a wedding", "for weddings", "at a wedding", "at weddings", "wedding playlist"),
    *("floor fillers", "floor filler", "wedding floor fillers", "wedding dance floor", "wedding dancefloor"),
    *("wedding reception", "reception", "wedding dance", "wedding dances", "wedding dancing", "wedding party"),
    *("wedding bangers", "crowd pleasers", "crowd pleaser", "pack the floor", "fill the floor", "floor dies"),
    *("when the floor dies", "the floor dies", "dead dance floor", "songs that always work", "always work"),
    *("get everyone dancing", "get people dancing", "get everybody dancing", "songs everyone dances to"),
    # a floor of every age, as a wedding's: 'corporate holiday party' was 2019's club EDM and The Smashing Pumpkins
    *("corporate party", "corporate event", "office party", "work party", "company party", "holiday party"),
    *("office holiday party", "corporate holiday party", "work christmas party", "office christmas party"),
    *("corporate events", "company event", "company events", "work event", "staff party"),
)
_LINE_DANCE = (
    *("Cupid", "DJ Casper", "Marcia Griffiths", "Los Del Rio", "V.I.C.", "Silentó", "Village People"),
    *("Blanco Brown", "Brooks & Dunn", "Rednex", "Steve Earle", "Soulja Boy"),
)
"""The acts of the line dance and the group dance ('Cupid Shuffle', 'Cha Cha Slide', 'Electric Slide', 'Macarena',
'Y.M.C.A.'): 'top 8 line dance songs' was club EDM and K-pop, 'line' unread. The dances' own names are their songs
('not the cha cha slide again' leaves out the song, not every line dance act)."""
_LINE_DANCE_WORDS = (
    *("line dance", "line dances", "line dancing", "line dance songs", "line dance stuff", "group dance"),
    *("group dances", "group dance songs", "hand motions", "the hand motions", "dance moves", "songs with a dance"),
    *("songs with dances", "wobble"),
)
_HEARTBREAK = (
    *("Adele", "Sam Smith", "Lewis Capaldi", "James Arthur", "Billie Eilish", "Taylor Swift", "Selena Gomez"),
    *("Olivia Rodrigo", "Alec Benjamin", "Calum Scott", "Christina Perri", "Kodaline", "The Fray", "James Blunt"),
)
"""The acts of the heartbreak ballad: 'sad songs for a breakup', 'heartbreak at 3am' and 'songs to cry to' were one
list of sad acoustic songs (Damien Rice, Paul Simon, Sting), the curators' answer being Adele and Lewis Capaldi."""
_HEARTBREAK_WORDS = (
    *("breakup songs", "break up songs", "heartbreak songs", "heartbreak", "heartbroken", "broken hearted"),
    *("brokenhearted", "broken heart", "a broken heart", "songs about heartbreak", "for a breakup", "after a breakup"),
    *("sad breakup songs", "sad break up songs", "breakup ballads", "heartbreak ballads"),
    *("songs to cry to", "music to cry to", "something to cry to", "crying songs", "songs to cry too"),
)
_SAD_GIRL = ("Lana Del Rey", "Phoebe Bridgers", "Mitski", "Clairo", "Cigarettes After Sex", "girl in red")
_GROWN_FOLKS = ("Maxwell", "Anita Baker", "Luther Vandross", "Sade", "Maze", "Jill Scott", "Kem", "Brian McKnight")
"""'grown folks music': the R&B and soul of grown-ups' rooms (it was the folk genre: Cat Power, David Gray)."""
_TOXIC_RNB = ("Brent Faiyaz", "PARTYNEXTDOOR", "Bryson Tiller", "6LACK", "The Weeknd", "Tory Lanez")
"""'toxic r&b': the moody, morally murky R&B of the 2010s ('toxic' seeded an act of that name)."""
_GIRLS_NIGHT = ("Beyoncé", "Destiny's Child", "TLC", "Rihanna", "Lizzo", "Megan Thee Stallion", "Spice Girls")
"""'girls night': the anthems sung together (it was any party song: Eiffel 65, The Smashing Pumpkins)."""
_ANGRY_GIRL = ("Paramore", "Alanis Morissette", "Avril Lavigne", "Olivia Rodrigo", "Garbage", "Le Tigre", "Fiona Apple")
"""'angry girl music': the women who sang it (the words were angry music with 'girl' unread: Slipknot, Disturbed)."""
_COOKOUT = (
    *("Kool & The Gang", "Earth, Wind & Fire", "Maze", "The Isley Brothers", "Bob Marley & The Wailers", "Sublime"),
    *("Jack Johnson", "DJ Jazzy Jeff & The Fresh Prince", "Zac Brown Band", "Sly & The Family Stone", "Stevie Wonder"),
    *("Smash Mouth", "Sugar Ray", "The Beach Boys"),
)
"""The acts of the cookout and the barbecue: 'summer bbq playlist' was MIKA, the Jonas Brothers and sertanejo (the
summer mood's bright, danceable songs of any kind)."""
_COOKOUT_WORDS = (
    *("bbq", "summer bbq", "bbq playlist", "summer bbq playlist", "barbecue", "summer barbecue", "cookout"),
    *("cookout music", "cookout songs", "bbq songs", "bbq music", "backyard bbq", "backyard barbecue", "grill out"),
)
_MELODIC_BASS = ("ILLENIUM", "Seven Lions", "Said the Sky", "Gryffin", "San Holo", "SLANDER", "Dabin", "Au5")
_BROSTEP = ("Skrillex", "Excision", "Zeds Dead", "Knife Party", "Zomboy", "Flux Pavilion", "Borgore", "NGHTMRE")
_ALT_RNB = (
    *("Frank Ocean", "The Weeknd", "SZA", "Miguel", "Jhené Aiko", "Daniel Caesar", "Kali Uchis", "Solange"),
    *("The Internet", "Brent Faiyaz", "Steve Lacy", "FKA twigs", "James Blake"),
)
"""'alt r&b' was r&b with 'alt' unread: the 90s (TLC, Brian McKnight, Ginuwine), the opposite of what it names."""
_BIG_VOICES = (
    *("Whitney Houston", "Mariah Carey", "Adele", "Christina Aguilera", "Kelly Clarkson", "Aretha Franklin"),
    *("Leona Lewis", "Etta James", "Céline Dion"),
)
"""The powerhouse singers: 'somethin like Whitny Houston, the big voice ballads' said 'big voice' unused and gave a
Céline Dion dance remix, Jamie Foxx and Lucie Silvas."""
_BIG_VOICE_WORDS = (
    *("big voice", "big voices", "powerhouse vocals", "powerhouse vocalists", "powerhouse singers", "belters"),
    *("powerful vocals", "powerful voices", "powerful voice", "strong vocals", "big vocals", "vocal powerhouses"),
    *("singers with big voices", "singers with powerful voices", "huge vocals", "big voiced"),
    *("belting", "belt", "belty", "big belters", "belting songs", "songs to belt", "divas", "diva", "big divas"),
)
_DEEP_VOICES = ("Leonard Cohen", "Nick Cave & The Bad Seeds", "Tom Waits", "The National", "Johnny Cash", "Barry White")
_RETRO = {
    "retro soul": ("Amy Winehouse", "Leon Bridges", "Sharon Jones & The Dap-Kings", "Charles Bradley", "Duffy"),
    # Acts whose neighbour rows stay in the sound: Bruno Mars's and The Weeknd's chart playlists brought Jason Derulo,
    # Mike Posner and Maroon 5 into the 70s and 80s (set N, judged blind); The Weeknd stays, last.
    "70s revival": (
        *("Greta Van Fleet", "Leon Bridges", "Parcels", "Tame Impala", "Jungle", "Rival Sons"),
        *("Durand Jones & The Indications", "The Black Keys", "Father John Misty"),
    ),
    "80s revival": (
        *("M83", "CHVRCHES", "The Midnight", "Kavinsky", "Carly Rae Jepsen", "The Killers", "Twin Shadow"),
        *("Chromatics", "Future Islands", "The Weeknd"),
    ),
    "90s revival": ("Snail Mail", "Soccer Mommy", "beabadoobee", "Japanese Breakfast", "Alvvays", "DIIV"),
}
_CITY_RAP = {
    ("atlanta", "atl"): (
        *("OutKast", "Ludacris", "T.I.", "Future", "Migos", "Gucci Mane", "Young Thug", "2 Chainz", "Jeezy"),
        *("21 Savage", "Lil Baby", "Goodie Mob", "Lil Jon", "Playboi Carti"),
    ),
    ("houston", "h town", "htown"): (
        *("UGK", "Travis Scott", "Scarface", "Geto Boys", "Paul Wall", "Megan Thee Stallion", "Bun B"),
        *("Chamillionaire", "Slim Thug"),
    ),
    ("memphis",): (
        *("Three 6 Mafia", "Project Pat", "Yo Gotti", "Juicy J", "Young Dolph", "Moneybagg Yo", "NLE Choppa"),
        *("8Ball & MJG", "Gangsta Boo", "DJ Paul"),
    ),
    **CITY_RAP,
    UK_CITIES: UK_RAP,
}
"""A city's rap by the acts it is known for: no catalog tag says where an act is from ('hip hop from atlanta' was
hip hop at large, Tyga and Eminem first, 'atlanta' unknown; 'dirty south' is a DJ's name here)."""
_CITY_RAP_PHRASES = (
    *("{} rap", "{} hip hop", "{} hiphop", "{} trap", "{} rappers", "{} rap music", "rap from {}", "hip hop from {}"),
    *("hiphop from {}", "rappers from {}", "trap from {}", "rap out of {}", "hip hop out of {}"),
    *("{} underground rap", "{} underground hip hop", "underground {} rap", "{} rap scene", "{} hip hop scene"),
)
_SAD_RAP = (
    *("Juice WRLD", "XXXTENTACION", "Kid Cudi", "Lil Peep", "Mac Miller", "NF", "Rod Wave", "Polo G", "Joji"),
    *("Trippie Redd", "Post Malone"),
)
_SAD_RAP_WORDS = (
    *("sad rap", "sad hip hop", "sad hiphop", "sad rap songs", "depressing rap", "sad rappers", "emotional rap"),
    *("emotional hip hop", "emotional rap songs"),
)
_MARIACHI = ("Alejandro Fernández", "Juan Gabriel", "Chavela Vargas")
_NORTENO = ("Los Tucanes De Tijuana", *_MARIACHI)
_REGIONAL = (*_MARIACHI, "Los Tucanes De Tijuana", "Selena", "Los Ángeles Azules", "Carolina Ross")
_POWER_BALLADS = (
    *("Foreigner", "Heart", "Journey", "REO Speedwagon", "Poison", "Whitesnake", "Bon Jovi", "Mötley Crüe"),
    *("Def Leppard", "Bonnie Tyler", "Europe", "Cinderella", "Skid Row", "Warrant", "Mr. Big", "Extreme"),
)
LYRICS_PHRASES = ("good lyrics", "great lyrics", "meaningful lyrics", "deep lyrics", "best lyrics")
"""No lyrics here: songs by and like the songwriters known for theirs ('songs with good lyrics' read only 'vocal')."""
_LYRICISTS = (
    *("Bob Dylan", "Leonard Cohen", "Joni Mitchell", "Bruce Springsteen", "Kendrick Lamar", "Paul Simon"),
    *("Nick Cave & The Bad Seeds", "Tom Waits", "Sufjan Stevens", "Phoebe Bridgers", "Mitski", "The National"),
)
_GIRL_POWER = (
    *("Destiny's Child", "Beyoncé", "Spice Girls", "Little Mix", "Kelly Clarkson", "P!nk", "Christina Aguilera"),
    *("Lizzo", "Alicia Keys", "Fifth Harmony", "Rachel Platten", "Aretha Franklin"),
)
_MOVING_ON = (
    *("Kelly Clarkson", "Dua Lipa", "Lizzo", "Beyoncé", "Ariana Grande", "Taylor Swift", "Destiny's Child"),
    *("Gloria Gaynor", "Carrie Underwood", "Alanis Morissette", "Demi Lovato", "P!nk", "Olivia Rodrigo"),
)
"""The acts of the breakup anthem, the song of moving on: 'best breakup anthems' read 'breakup' as sad and 'anthems'
as euphoric, two moods no song is (Queen's 'Under Pressure' and Zedd came first)."""
_HOT_GIRL = (
    *("Lizzo", "Megan Thee Stallion", "Doja Cat", "Dua Lipa", "Beyoncé", "Nicki Minaj", "Cardi B", "Rihanna"),
    *("Ariana Grande", "Normani", "City Girls", "Saweetie", "Britney Spears"),
)
"""The acts of the confident walk and summer ('hot girl walk playlist' was the mix across genres the words left,
'Hey There Delilah' first; as the happy mood, 2008's tween pop)."""
_HOT_GIRL_WORDS = (
    *("hot girl", "hot girl walk", "hot girl walks", "hot girl summer", "hot girl playlist", "hot girl music"),
    *("hot girl songs", "hot girl shit", "baddie", "baddie playlist", "baddie songs", "baddie energy", "baddie music"),
    *("that girl", "it girl", "it girl energy", "that girl energy"),
)
_BREAKUP_ANTHEMS = (
    *("breakup era", "break up era", "healing era", "my healing era", "the healing part", "healing part"),
    *("healing after a breakup", "healing from a breakup", "post breakup healing", "glow up", "glow up era"),
    *("self love", "self love songs"),
    *("breakup anthems", "breakup anthem", "break up anthems", "break up anthem", "empowering breakup songs"),
    *("empowering break up songs", "moving on songs", "songs about moving on", "getting over my ex"),
    *("get over my ex", "over my ex", "songs to get over my ex", "songs to get over an ex", "post breakup bangers"),
    *("post breakup songs", "breakup bangers", "break up bangers", "revenge songs", "songs for getting over someone"),
    *("valentines day songs for singles", "valentine s day songs for singles", "valentines songs for singles"),
    *("anti valentines", "anti valentine", "anti valentines day", "songs for singles", "single and happy"),
    *("over an ex", "getting over an ex", "get over an ex", "getting over someone", "get over someone"),
    *("getting over a breakup", "get over a breakup", "getting over a break up", "get over a break up"),
    *("angry breakup songs", "angry break up songs", "angry breakup", "angry break up", "mad breakup songs"),
    *("mad at my ex", "mad at your ex", "mad at an ex", "angry at my ex", "angry at your ex", "pissed at my ex"),
    *("pissed off at my ex", "pissed at your ex", "i hate my ex", "hate my ex", "songs for my ex"),
)
"""'angry breakup songs', 'mad at my ex': the breakup anthem's acts, its fierce songs (read as sad and angry moods,
nu-metal: 'Aerials', 'Numb'; before that the heartbreak ballads' Lewis Capaldi)."""
_EMO_RAP_WORDS = (
    *("emo rap", "emo trap", "emo hip hop", "sad boy", "sadboy", "sad boi", "sadboi", "sad boys", "sad boy music"),
    *("sad boy hours", "sadboy hours", "sad boi hours", "soundcloud emo"),
)
"""Rap sung over emo's guitars ('lil peep, emo guitar + trap, sad boy hours': 'sad boy' read as the sad mood and
'boy' unused)."""
_SOUTHERN_SOUL_WORDS = (
    "southern soul",
    "chitlin circuit",
    "chitlin' circuit",
    "chitlin circuit soul",
    "southern soul blues",
)
_FRUTIGER_WORDS = ("frutiger aero", "frutiger aero core", "frutiger aero music", "frutiger", "frutiger metro")
_SAID: dict[str, str] = (
    dict.fromkeys(_BREAKUP_ANTHEMS, "breakup anthem")
    | dict.fromkeys(_FIRST_DANCE_WORDS, "first dance")
    | dict.fromkeys(_WEDDING_FLOOR_WORDS, "floor filler")
    | dict.fromkeys(_LINE_DANCE_WORDS, "line dance")
    | dict.fromkeys(_GHIBLI_WORDS, "gentle film piano")
    | dict.fromkeys(HALLOWEEN_WORDS, "Halloween")
    | dict.fromkeys(_GAME_CALM_WORDS, "calm game ambience")
    | dict.fromkeys((*SCORE_WORDS, *SCORE_TITLES), FILM_SCORE)
    | dict(LOCAL_SAID)
    | {"afro": "afrobeats"}
    | dict.fromkeys(GAMING_WORDS, "gaming")
    | dict.fromkeys(_K_DRAMA_WORDS, "K-drama OST")
    | dict.fromkeys(_HEARTBREAK_WORDS, "heartbreak")
    | dict.fromkeys(_COOKOUT_WORDS, "cookout")
    | dict.fromkeys(_JAZZ_RAP_WORDS, "jazz rap")
    | dict.fromkeys(_EMO_RAP_WORDS, "emo rap")
    | dict.fromkeys(_FRUTIGER_WORDS, "frutiger aero")
    | dict.fromkeys(_SOUTHERN_SOUL_WORDS[1:], "southern soul")
    | dict.fromkeys(_SAD_BANGER_WORDS, "sad dance")
    | dict.fromkeys(_HOT_GIRL_WORDS, "hot girl")
    | dict.fromkeys(_CONSCIOUS_WORDS, "conscious rap")
    | dict.fromkeys(_LYRICAL_RAP_WORDS, "lyrical rap")
    | dict.fromkeys(_OPM_WORDS, "OPM")
    | dict.fromkeys(_BIG_VOICE_WORDS, "big voice")
    | dict(CREW_SAID)
)
_BOOM_BAP = (
    *("Gang Starr", "Pete Rock & C.L. Smooth", "Mobb Deep", "Nas", "A Tribe Called Quest", "Wu-Tang Clan", "Big L"),
    *("Black Moon", "Smif-N-Wessun", "Jeru The Damaja", "KRS-One", "Eric B. & Rakim", "Mos Def", "Talib Kweli"),
    *("Common", "De La Soul", "Showbiz & A.G.", "Lord Finesse", "J Dilla", "MF DOOM", "Joey Bada$$"),
)
"""90s New York rap over chopped soul and jazz and hard drums: 'boom bap' was hip hop at large (2Pac, Drake, 50
Cent)."""
_BOOM_BAP_WORDS = ("boom bap", "boombap", "boom bap hip hop", "boom bap rap", "90s boom bap", "east coast boom bap")
_BLAXPLOITATION = (
    *("Curtis Mayfield", "James Brown", "Marvin Gaye", "The Impressions", "War", "The Temptations"),
    *("Sly & The Family Stone", "Ohio Players", "Kool & The Gang", "The Isley Brothers", "Bill Withers"),
)
"""The soul and funk of the 70s' Black action films (Superfly, Trouble Man): 'blaxploitation' was unknown and the
soundtracks' tag 80s film songs."""
_BLAXPLOITATION_WORDS = ("blaxploitation", "blaxploitation soundtrack", "blaxploitation soundtracks")

_CHRISTIAN_HIP_HOP = ("NF", "Andy Mineo", "Trip Lee", "TobyMac", "Derek Minor", "GAWVI")
_CHRISTIAN_HIP_HOP_WORDS = (
    *("christian hip hop", "christian rap", "christian hiphop", "chh", "reach records", "116 clique", "116"),
    "clean christian rap",
)
"""Rap sung to faith: 'christian hip hop' was Skillet and Red (its nearest tag, christian), then 50 Cent and Drake."""
_LATIN_CHRISTIAN = (
    *("Evan Craft", "Un Corazón", "Kike Pavón", "Su Presencia", "Evaluna Montaner", "Redimi2", "Alex Zurdo"),
    "Funky",
)
_LATIN_CHRISTIAN_WORDS = (
    *("christian reggaeton", "latin christian", "christian latin", "spanish christian", "spanish worship"),
    *("worship in spanish", "worship songs in spanish", "christian music in spanish", "latin worship"),
)
"""Worship and rap sung in Spanish: their playlists file them 'latin hip hop', and 'alabanzas en español para el
culto' was Julieta Venegas and Zoé."""

PLAYED_BY: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        **dict.fromkeys(_CHRISTIAN_HIP_HOP_WORDS, _CHRISTIAN_HIP_HOP),
        **dict.fromkeys(_LATIN_CHRISTIAN_WORDS, _LATIN_CHRISTIAN),
        **dict.fromkeys(_BOOM_BAP_WORDS, _BOOM_BAP),
        **dict.fromkeys(_BLAXPLOITATION_WORDS, _BLAXPLOITATION),
        "future bass": ("Flume", "ILLENIUM", "San Holo", "Louis The Child", "ODESZA"),
        # the festival's melodic side and its heavy one ('melodic bass' was sad acoustic ballads, 'brostep' unread)
        **dict.fromkeys(("melodic bass", "melodic dubstep", "melodic edm"), _MELODIC_BASS),
        **dict.fromkeys(("brostep", "heavy dubstep", "bass drops"), _BROSTEP),  # not "headbangers": metal fans too
        "soundcloud rap": ("Lil Peep", "XXXTENTACION", "Juice WRLD", "Ski Mask The Slump God", "Trippie Redd"),
        "phonk": ("Ghostemane", "$uicideBoy$", "Three 6 Mafia", "Pouya"),
        "baile funk": ("Anitta", "MC Fioti", "Dennis DJ", "Pedro Sampaio", "Ludmilla"),
        "funk carioca": ("Anitta", "MC Fioti", "Dennis DJ", "Pedro Sampaio", "Ludmilla"),
        "brazilian funk": ("Anitta", "MC Fioti", "Dennis DJ", "Pedro Sampaio", "Ludmilla"),
        "highlife": ("Ebo Taylor", "Fela Kuti", "Osibisa"),
        "drill": ("Pop Smoke", "Chief Keef", "Headie One", "Fivio Foreign"),
        "uk drill": ("Headie One", "M Huncho", "Dave", "AJ Tracey"),
        "bedroom pop": ("Clairo", "Rex Orange County", "Cuco", "boy pablo", "beabadoobee", "girl in red", "Dayglow"),
        "afrobeats": ("Burna Boy", "Wizkid", "Davido", "Tiwa Savage", "Mr Eazi", "Rema"),
        "afro beats": ("Burna Boy", "Wizkid", "Davido", "Tiwa Savage", "Mr Eazi", "Rema"),  # 'beats' not instrumentals
        "afro pop": ("Burna Boy", "Wizkid", "Davido", "Tiwa Savage", "Mr Eazi", "Rema"),
        "afropop": ("Burna Boy", "Wizkid", "Davido", "Tiwa Savage", "Mr Eazi", "Rema"),
        "afro": ("Burna Boy", "Wizkid", "Davido", "Tiwa Savage", "Mr Eazi", "Rema"),  # as in 'soft afro', 'afro vibes'
        "aggro berlin": ("Bushido", "Fler", "Sido", "B-Tight"),
        "bachata": ("Romeo Santos", "Aventura", "Prince Royce"),
        "dancehall": ("Sean Paul", "Beenie Man", "Vybz Kartel", "Shaggy", "Mavado", "Charly Black", "Kranium"),
        "sertanejo": (
            "Gusttavo Lima",
            "Diego & Victor Hugo",
            "Guilherme & Benuto",
            "Marcos & Belutti",
            "Henrique & Diego",
            "Diego & Arnaldo",
            "Maiara & Maraisa",
        ),
        # Newer than the listeners' tags that say who sings: 'k-pop girl groups' was five songs of 2NE1 and f(x).
        **dict.fromkeys(_K_VOICED["girl"], _K_GIRLS),
        **dict.fromkeys(_K_VOICED["boy"], _K_BOYS),
        **dict.fromkeys(("latin trap", "trap latino", "trap latin", "spanish trap"), _LATIN_TRAP),
        **dict.fromkeys(("jazz rap", *_JAZZ_RAP_WORDS), _JAZZ_RAP),
        **dict.fromkeys(("g funk", "west coast g funk", "west coast hip hop", "west coast rap"), _G_FUNK),
        **dict.fromkeys(("alt r and b", "alt rnb", "alternative r and b", "alternative rnb", "pbr and b"), _ALT_RNB),
        "cool jazz": ("Miles Davis", "Chet Baker", "Dave Brubeck", "Stan Getz", "Gerry Mulligan", "Bill Evans"),
        "modal jazz": ("Miles Davis", "John Coltrane", "Bill Evans", "Herbie Hancock", "Wayne Shorter"),
        **dict.fromkeys(("tropicalia", "tropicália"), ("Caetano Veloso", "Gilberto Gil", "Os Mutantes", "Gal Costa")),
        "northern soul": (
            *("Jackie Wilson", "The Isley Brothers", "Martha Reeves & The Vandellas", "Edwin Starr", "Dobie Gray"),
            *("Gloria Jones", "Frank Wilson", "The Velvelettes", "Major Lance"),
        ),
        **dict.fromkeys(_SAD_BANGER_WORDS, _SAD_BANGERS),
        **dict.fromkeys((GYM_ANTHEMS, "gym anthem", "workout anthems", "workout anthem"), _GYM),
        "hyperpop": ("Charli XCX", "100 gecs", "SOPHIE", "A. G. Cook", "Rina Sawayama", "Dorian Electra"),
        **dict.fromkeys(("sad girl", "sad indie girl", "indie sad girl", "sad girl indie", "sad girl pop"), _SAD_GIRL),
        **dict.fromkeys(("angry girl", "angry girl music", "angry girl rock", "angry women"), _ANGRY_GIRL),
        **dict.fromkeys(("grown folks", "grown folks music", "grown folk music", "grown and sexy"), _GROWN_FOLKS),
        **dict.fromkeys(("toxic r&b", "toxic rnb", "toxic r and b"), _TOXIC_RNB),
        **dict.fromkeys(("girls night", "girls night out", "girl s night", "ladies night"), _GIRLS_NIGHT),
        "synthwave": ("Kavinsky", "The Midnight", "Perturbator", "Carpenter Brut", "Gunship", "FM-84"),
        "retrowave": ("Kavinsky", "The Midnight", "Perturbator", "Carpenter Brut", "Gunship", "FM-84"),
        "outrun": ("Kavinsky", "The Midnight", "Perturbator", "Carpenter Brut", "Gunship", "FM-84"),
        "darksynth": ("Perturbator", "Carpenter Brut", "Gunship", "Kavinsky"),
        "cumbia": ("Los Ángeles Azules", "La Sonora Dinamita", "Kumbia Kings", "Bomba Estéreo"),
        # Regional Mexican by its singers: as the tag 'mexican' it was Mexican pop and rock (Belanova, Molotov) for
        # 'canciones de desamor con mariachi' and 'corridos pero nada de tumbados' (set AC).
        **dict.fromkeys(("mariachi", "ranchera", "rancheras", "musica ranchera", "mariachis"), _MARIACHI),
        **dict.fromkeys(("regional mexican", "regional mexicano", "tejano", "tejano music", "tex mex"), _REGIONAL),
        **dict.fromkeys(("corridos", "corrido", "corridos tumbados", "norteno", "norteño"), _NORTENO),
        "banda": ("Carolina Ross",),  # each its own acts, so 'banda sin corridos' keeps banda's
        **dict.fromkeys(
            ("post dubstep", "post-dubstep"), ("James Blake", "SBTRKT", "Jamie Woon", "Jamie xx", "Sampha")
        ),
        "future funk": ("Macross 82-99", "Night Tempo", "Yung Bae"),
        # a 19-year-old's scenes (set Z): 'midwest emo' was emo (Panic! At The Disco), 'coquette' an unknown word
        "midwest emo": ("Sunny Day Real Estate", "Jimmy Eat World", "Pinegrove", "American Football", "Mineral"),
        **dict.fromkeys(
            ("twinkly emo", "twinkle emo", "twinkly guitars", "twinkly guitar"),
            ("American Football", "Mineral", "Sunny Day Real Estate", "Jimmy Eat World", "Pinegrove"),
        ),
        **dict.fromkeys(
            ("coquette", "coquette core", "coquettecore"),
            ("Lana Del Rey", "The Marías", "Cigarettes After Sex", "Beach House", "Faye Webster", "Lizzy McAlpine"),
        ),
        "quiet storm": (
            *("Luther Vandross", "Anita Baker", "Sade", "Freddie Jackson", "Smokey Robinson", "Marvin Gaye"),
            *("Minnie Riperton", "Roberta Flack"),
        ),
        **dict.fromkeys(
            ("philly soul", "philadelphia soul", "sound of philadelphia", "the sound of philadelphia"),
            ("The O'Jays", "The Delfonics", "The Spinners", "Patti LaBelle", "The Trammps"),
        ),
        **dict.fromkeys(("doo wop", "doowop"), ("The Five Satins", "The Shirelles", "The Drifters")),
        **dict.fromkeys(
            ("swamp rock", "swampy rock", "swamp blues rock"),
            ("Creedence Clearwater Revival", "The Band", "Bobbie Gentry", "Little Feat", "ZZ Top"),
        ),
        **dict.fromkeys(
            ("harmony pop", "sunshine pop", "vocal harmony pop", "60s harmony pop"),
            ("The Beach Boys", "The Hollies", "The Turtles", "The Byrds", "The Cowsills", "The 5th Dimension"),
        ),
        "yacht rock": ("Steely Dan", "Daryl Hall & John Oates", "The Doobie Brothers", "Kenny Loggins", "TOTO"),
        "outlaw country": ("Willie Nelson", "Merle Haggard", "Waylon Jennings", "Johnny Cash", "Kris Kristofferson"),
        "bro country": (
            "Florida Georgia Line",
            "Luke Bryan",
            "Jason Aldean",
            "Sam Hunt",
            "Thomas Rhett",
            "Cole Swindell",
        ),
        # Rap's trap: the charts' 'trap' label filed Latin, Italian and Turkish trap and a hardcore band (Terror,
        # WOS, Serhat Durmus) beside Future and Migos.
        **dict.fromkeys(
            ("trap", "trap music", "trap rap", "atlanta trap", "trap bangers"),
            ("Future", "Migos", "Young Thug", "Gucci Mane", "T.I.", "21 Savage", "Jeezy", "2 Chainz"),
        ),
        **dict.fromkeys(
            ("trap metal", "trap metal songs"),
            ("$uicideBoy$", "Ghostemane", "BONES", "City Morgue", "Ski Mask The Slump God"),
        ),
        **dict.fromkeys(
            ("edm trap", "trap edm", "festival trap", "hybrid trap"),
            ("RL Grime", "Baauer", "Flosstradamus", "Yellow Claw", "UZ", "NGHTMRE", "Carnage", "Getter"),
        ),
        # Said mostly to be left out ('rap but no mumble rap' left rap out); its acts, so the rest of rap stays.
        **dict.fromkeys(
            ("mumble rap", "mumble rappers", "mumble rapper", "mumblerap"),
            ("Lil Uzi Vert", "Playboi Carti", "Lil Yachty", "Lil Pump", "Desiigner", "Young Thug", "Migos"),
        ),
        # The festival's stages and the scene's kids ('warped tour lineup', 'scene kid era music' were unread).
        **dict.fromkeys(
            ("warped tour", "vans warped tour", "warped tour lineup", "warped tour bands"),
            ("Paramore", "Fall Out Boy", "My Chemical Romance", "Taking Back Sunday", "Sum 41", "The Used"),
        ),
        **dict.fromkeys(
            ("scene kid", "scene kids", "scene kid era", "scene kid music", "scene era"),
            ("3OH!3", "Breathe Carolina", "Cobra Starship", "Hollywood Undead", "All Time Low"),
        ),
        # The glossy, bubbly optimism of mid-2000s screens ('songs that sound like the windows xp startup sound,
        # frutiger aero core' was an unknown name and an empty answer)
        **dict.fromkeys(_FRUTIGER_WORDS, ("Owl City", "Röyksopp", "Moby", "Tycho", "Washed Out")),
        # The South's grown-folks soul of the chitlin' circuit, filed here under its playlists' 'southern hip hop'
        # ('southern soul' was soul's chart hits; 'chitlin circuit' read 'chillin' and circuit training)
        **dict.fromkeys(
            _SOUTHERN_SOUL_WORDS,
            (
                *("Sir Charles Jones", "Tucka", "Marvin Sease", "Johnnie Taylor", "Willie Clayton", "Z.Z. Hill"),
                *("Tyrone Davis", "Theodis Ealey", "Latimore", "Clarence Carter"),
            ),
        ),
        **dict.fromkeys(_EMO_RAP_WORDS, ("Lil Peep", "Juice WRLD", "XXXTENTACION", "Trippie Redd", "iann dior")),
        # The sad song in rap is its own canon: as rap with the sad mood's low brightness, Lil Baby and Rae Sremmurd.
        **dict.fromkeys(_SAD_RAP_WORDS, _SAD_RAP),
        # A scene no tag names here, read as rap narrowing rock: 'rap rock' was ZZ Top and Lynyrd Skynyrd.
        **dict.fromkeys(
            ("rap rock", "rock rap"),  # 'rap metal' stays the tree's, which 'no rap metal' leaves out
            ("Linkin Park", "Rage Against The Machine", "Limp Bizkit", "Beastie Boys", "P.O.D.", "Papa Roach"),
        ),
        "indie sleaze": ("Yeah Yeah Yeahs", "MGMT", "Crystal Castles", "The Strokes", "LCD Soundsystem", "Justice"),
        "piseiro": ("Os Barões da Pisadinha", "Zé Vaqueiro", "Vitor Fernandes", "Tarcísio do Acordeon", "João Gomes"),
        "pisadinha": ("Os Barões da Pisadinha", "Zé Vaqueiro", "Vitor Fernandes", "Tarcísio do Acordeon"),
        "bolero": ("Luis Miguel", "Marco Antonio Solís"),
        **dict.fromkeys(("power ballad", "power ballads"), _POWER_BALLADS),
        **dict.fromkeys(_FIRST_DANCE_WORDS, _FIRST_DANCE),
        **dict.fromkeys(_WEDDING_FLOOR_WORDS, _WEDDING_FLOOR),
        **dict.fromkeys(_LINE_DANCE_WORDS, _LINE_DANCE),
        **dict.fromkeys(_GHIBLI_WORDS, _GHIBLI),
        **dict.fromkeys(HALLOWEEN_WORDS, _HALLOWEEN),
        **dict.fromkeys(_GAME_CALM_WORDS, _GAME_CALM),
        **dict.fromkeys((*SCORE_WORDS, *SCORE_TITLES), SCORE_ACTS),
        **dict.fromkeys(GAMING_WORDS, GAMING_ACTS),
        **dict.fromkeys(_HEARTBREAK_WORDS, _HEARTBREAK),
        **dict.fromkeys(_COOKOUT_WORDS, _COOKOUT),
        **dict.fromkeys(_BREAKUP_ANTHEMS, _MOVING_ON),
        **dict.fromkeys(_HOT_GIRL_WORDS, _HOT_GIRL),
        **dict.fromkeys(_CONSCIOUS_WORDS, _CONSCIOUS),
        "girl power": _GIRL_POWER,  # a message, not a genre: 'girl power anthems' was trance with the words unread
        **dict.fromkeys(LYRICS_PHRASES, _LYRICISTS),
        **dict.fromkeys(ONE_HIT_WORDS, ONE_HIT_WONDERS),
        **dict.fromkeys(("girl crush", "girl crush concept", "girl crush kpop", "girl crush groups"), _GIRL_CRUSH),
        **dict.fromkeys((*_K_BALLAD_WORDS, *_K_DRAMA_WORDS), _K_BALLADS),
        **dict.fromkeys(_OPM_WORDS, _OPM),
        **dict.fromkeys(_LYRICAL_RAP_WORDS, _LYRICAL_RAP),
        # A decade's sound in today's songs ('modern songs with an 80s vibe': `RETRO_SOUNDS`); the decade alone as
        # years answered Bon Jovi and TOTO, and as its tags (synthpop after 2005) mostly netlabel acts.
        **_RETRO,
        # A voice, not a genre: read by the singers known for it ('songs with a really deep male voice').
        **dict.fromkeys(_DEEP_VOICE_WORDS, _DEEP_VOICES),
        **dict.fromkeys(_BIG_VOICE_WORDS, _BIG_VOICES),
        "boleros": ("Luis Miguel", "Marco Antonio Solís"),
        **{
            phrase.format(city): acts
            for cities, acts in _CITY_RAP.items()
            for city in cities
            for phrase in _CITY_RAP_PHRASES
        },
        **SOUND_ACTS,
        **STAGE_MUSIC,
        **FOLK_SCENES,
        **SCREEN_MUSIC,
        **CREW_ACTS,
        **LOCAL_SCENES,
    }
)
"""Genres that no catalog tag or stand-in answers well, read as music like the acts that made them known ('future
bass': RL Grime, Alison Wonderland, Marshmello; was an unknown word and an empty answer; 'synthwave', read as its
nearest catalog genre, was netlabel electronica, now Chromatics, Justice, Magic Sword). Only acts the catalog
has count; a genre whose acts gave a wrong answer stays unknown ('hyperpop' as Charli XCX and Kim Petras gave
Ally Brooke and Dove Cameron, 'midwest emo' as American Football and Mineral gave The Killers)."""

_SAID_NOUNS = (" songs", " music", " covers", " stuff")


def played_acts(phrases: Iterable[str]) -> set[str]:
    """The acts these phrases are read as (`PLAYED_BY`), by their normalized names."""
    return {normalize_name(n) for phrase in phrases for n in PLAYED_BY.get(normalize_name(phrase), ())}


PLAYED_BY_SAID: Mapping[str, str] = MappingProxyType(
    {
        phrase: short
        for phrase, acts in PLAYED_BY.items()
        if phrase.endswith(_SAID_NOUNS) and PLAYED_BY.get(short := phrase.rsplit(" ", 1)[0]) == acts
    }
    | _SAID
)
"""How a phrase read as acts is said back when it is no genre's name ('songs to get over my ex': 'I have no
breakup anthem songs as such', not 'no songs to get over my ex songs'; 'banjo songs' and 'crooner music' as 'banjo'
and 'crooner', the phrase their acts also stand for); a key of `PLAYED_BY` itself."""

RETRO_SOUNDS: Mapping[int, str] = MappingProxyType(
    {1960: "retro soul", 1970: "70s revival", 1980: "80s revival", 1990: "90s revival"}
)
"""A decade -> the phrase of `PLAYED_BY` for its sound in songs of today, read where a word for now stands beside the
decade ('new music that sounds like the 70s'). The 60s' is 'retro soul': 'the 60s revival' is the folk revival."""
RETRO_FROM = 2005
"""The first year of 'modern' beside a decade's sound: this century's revivals, wider than 'modern' alone (the last
eight years), which the catalog's songs reach only to 2020."""

OCCASIONS_PLAYED = frozenset((*_WEDDING_FLOOR_WORDS, *GAMING_WORDS))
"""Phrases of `PLAYED_BY` for an occasion, read as its acts only when nothing else is asked for it
(`regroup.occasion_beside_asked`)."""
FIRST_DANCE_PLAYED = frozenset(_FIRST_DANCE_WORDS)
"""The first dance's phrases: its acts sing in English, so beside another language's scene only its mood stays; beside
the wedding floor it is the moment asked for."""
ACROSS_GENRES = frozenset((*_HEARTBREAK_WORDS, *_COOKOUT_WORDS))
"""Phrases of `PLAYED_AS` for a moment any genre has (heartbreak, the cookout) read by one genre's acts (the
ballads' pop, the cookout's funk): beside another genre they are only its mood (`regroup.genre_beside_played_as`)."""
PLAYED_AS: Mapping[str, str] = MappingProxyType(
    dict.fromkeys(("power ballad", "power ballads", *_FIRST_DANCE_WORDS), "love songs")
    | dict.fromkeys(_HEARTBREAK_WORDS, "sad")
    | dict.fromkeys(_COOKOUT_WORDS, "summer")
    | dict.fromkeys(_SAD_RAP_WORDS, "sad")
)
"""Phrases of `PLAYED_BY` that also ask for a mood, by one of its words: a power ballad is the acts' love songs
('80s power ballads' read 'ballad' as a tag of Whitney Houston's and Luis Miguel's, four songs each)."""

VOICED_SCENES = frozenset(
    {
        *_K_VOICED["girl"],
        *_K_VOICED["boy"],
    }
)
"""Phrases of `PLAYED_BY` whose own reading (a voice narrowing a genre: 'female k-pop') is kept beside the acts:
the acts lead, and the rest stays within the voice ('kpop girl groups' was five songs, and filled from the boy
groups once read by its acts alone)."""

OVER_THEIR_TAG = frozenset({"dancehall", "sertanejo", "jazz rap", "trap", FILM_SCORE})
"""Genres read through their acts although the catalog has a tag of theirs: one listener's 'dancehall' on Stromae
outweighed Sean Paul's (0.34 against 0.19), and 'dancehall' was two Stromae songs; 'sertanejo' was two songs of
Gusttavo Lima, the duos' sixteen being filed under playlist labels ('edm, pop edm'); 'jazz rap' was one playlist's
today's acts (`_JAZZ_RAP`); film scores ('film music', 'cinematic') are the tag's songs and the composers'."""
OVER_A_STRAY_TAG = frozenset(
    {"g funk", "west coast hip hop", "west coast rap", "southern rap", "regional mexican", *_BOOM_BAP_WORDS}
    | {"christian hip hop", "christian rap"}
    | {"banjo", "violin", "cinematic"}
    | LOCAL_OVER_A_STRAY_TAG
)
"""Genres read through their acts alone although the catalog has a tag of theirs, a stray one: listeners put 'g-funk'
on Nas alone (the answer was Mobb Deep and Raekwon), 'west coast rap' on two N.W.A. songs, 'southern rap' on six
acts ('10 underrated 2000s southern rap songs' was three songs), 'regional mexican' on Mexican pop and rock
(Belanova, Molotov), an instrument's on a handful of its players ('banjo', 'violin' were two songs each), 'cinematic'
on five acts without a song here."""
