"""A request said another way before it is read: chat shorthand, and phrases whose words the scan would take one by
one ('w/o lyrics', 'no skips', 'my 7yo', 'that buzzsaw HM-2 tone', 'no shoegaze that's all noise').

Each rewrite turns a phrase into the words the scan already reads for it, so the rest of the parser never sees the
shorthand; each pattern says what it was read as before.
"""

from __future__ import annotations

import re

from segue.engine.query.story import told

__all__ = ["reworded"]

_WITH_OUT = re.compile(r"(?i)(?<![\w/])w/o(?![\w/])|(?<![\w/])w/(?=\s)|(?-i:(?<=[a-z] )w(?= [a-z]))")
"""Chat's 'w/o lyrics', 'songs w/ sax' and 'rap w live instruments': without and with (the slash split them into the
unknown words 'w o'; a lone lower-case 'w' between words was left unread)."""
_CLEAN_VOCALS = re.compile(r"(?i)\b(?:with |w )?clean (?:vocals?|singing|vox)\b")
"""'metal songs with clean vocals' is metal without the screamed kinds ('clean' was an unknown word)."""
_UP_TO_TWELVE = r"(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CHILD_AGE = re.compile(
    r"(?i)(?<!lost to a )(?<!match to a )(?<!game to a )(?<!beaten by a )(?<!against a )"
    rf"\b(?:(?:turns|turned|turning) )?{_UP_TO_TWELVE}(?:[ -]?(?:years?|yrs?)[ -]?olds?|[ -]?yo)"
    r"(?: (?:daughter|son|kid|kids|boy|girl|niece|nephew|brother|sister))?\b"
    rf"|\b(?:turns|turned|turning) {_UP_TO_TWELVE}\b"
    r"|\b(?:kid|kiddo|son|daughter|child|niece|nephew)(?:'?s|s')? (?:[1-9]|1[0-2])(?:st|nd|rd|th)\b"
)
"""'songs for a 5 year old', 'my 3 year old daughter': music for kids ('year' was unread and classic rock
answered), 'party songs for my 7yo', 'my kid turns 6 saturday' (six songs were given); a teenager's or an adult's
age says nothing of the kind ('when i was 15 years old': `scan`'s ages). "my kid's 8th birthday" too ('kid's 8th'
was unread and a grown-up party answered). Not who beat the member ('i just lost a ranked match to a 12 year
old')."""
_BPM_FIRST = re.compile(r"(?i)\bbpm (?:of |at |around |about |roughly |near |~ ?)?(\d{2,3})\b")
"""'bpm around 124', 'bpm 128': the tempo as 'around 124 bpm' says it (the number was left unread)."""
_HM2 = re.compile(
    r"(?i)\b(?:(?:with |that |the )*(?:buzz ?saw )?hm[- ]?2(?: pedal| tone| sound| guitar)*"
    r"|buzz ?saw (?:tone|sound|guitars?))\b"
)
"""'swedish death metal with that buzzsaw HM-2 tone': the Boss HM-2 pedal's sound is Swedish death metal's ('2 tone'
was read as ska, 'buzzsaw' unknown)."""
_OUTSIDERS = re.compile(r"(?i)\bnon[- ](?:[a-z]+[- ]){0,2}?(?:people|fans|listeners|heads|folks|friends)\b")
"""'black metal songs that even non-black-metal people can get into': who else should like it, not a genre left out
(black metal was left out and a mix across genres came back)."""
_NOT_INTO_IT = re.compile(
    r"(?i)\b(?:for |to )?(?:people|someone|somebody|those|folks|friends|anyone|a friend|my friends?"
    r"|my (?:gf|bf|girlfriend|boyfriend|wife|husband|partner|mom|mum|dad|parents)) (?:who|that) "
    r"(?:don'?t|do not|doesn'?t|does not|hate|hates|can'?t stand|never liked?|aren'?t into|isn'?t into)"
    r"(?: really| usually| normally)?(?: like| likes| listen to| get| into)? (?P<kind>[\w-]+(?: [\w-]+)?)\b"
)
"""'metal for people who don't like metal': the kind everyone can get into, as 'for non-metal fans' reads (metal
was left out and a mix across genres came back). Only where the kind was said before."""
_LISTEN_IF_LIKE = re.compile(
    r"(?i)\blisten(?:ing)? to,? (?:if|since|when|because|cause|cuz|as) (?:i|you|u|we|someone|somebody) (?:really )?"
    r"(?:like|love|enjoy|dig|liked|loved|am into|'m into|m into|are into|'re into|re into)\b"
)
"""'what should i listen to if i like the smiths': music like them ('listen to' made them the acts to play, and
the answer was their own songs)."""
_A_BREAK_FROM = re.compile(r"(?i)\b(?:need|want|take|taking|needing|some|a) (?:a |little |short )*break from\b")
"""'rap but not german, i need a break from deutschrap': the kind left out, not asked for."""
_NORMAL = re.compile(r"(?i)\bnormal (?=chart|radio|mainstream|[a-z-]*pop\b|music\b|songs?\b|stuff\b)")
"""'like normal chart jpop': the usual kind, not the act Normal (it seeded them)."""
_THAT_ONE_BY = re.compile(r"(?i)\b(like|similar to) (?:that|this|the) (?:one|song|track|tune) (?:by|from)\b")
"""'songs like that one by the killers': like a song of theirs, not their own songs first ('by' made them the acts to
play)."""
_STUDYING_A_SUBJECT = re.compile(
    r"(?i)\b(?:we'?re|we are|they'?re|they are|class is|i'?m|i am) studying (?=the |about )"
)
"""'songs for my class, we're studying the decade in history': a subject taught, not music to study to (the study
mood's instrumentals: The Ventures, Booker T.)."""
_FOR_THE_CULTURE = re.compile(r"(?i)\b(?:for|4) (?:the|da) culture\b")
"""'something for the culture': for the community it speaks to, a word of praise (it seeded the reggae band
Culture)."""
_X_ENERGY = re.compile(r"(?i)\b(boss|girls?'? night|villain|grown woman|baddie|bad bitch) energy\b")
"""'confident boss energy r&b bops', 'girls night energy': an attitude, not the energetic mood's loudest songs."""
_SHIFT = re.compile(
    r"(?i)\b(?:(?P<after>after|off|got off|getting off|done with) (?:a |my |the |this )?(?:\d+ ?(?:hour|hr)s? )?"
    r"(?:night |long |double |early |late |rough |hard |tough |busy )?shift"
    r"|(?:get|got) me (?:through|thru) (?:a |my |the |this )?(?:\d+ ?(?:hour|hr)s? )?(?:night |long |double )?shift)\b"
)
"""'after my shift', 'get me through this shift': the end of a working day or the work itself ('shift' was an
unknown name, and 'something to get me through this shift' an empty answer)."""
_NO_SKIPS = re.compile(r"(?i)\b(?:with )?(?:no|zero|0) (?:skips?|filler)\b")
"""'12 bops for the pregame, no skips': every song a banger (it left the rapper Lil Skies out, read as 'skies')."""
_ROUND_BIRTHDAY = re.compile(r"(?i)\b([3-9]0)(?:th)? (birthday|bday|b-day)\b")
"""'my mum's 80th birthday party': a birthday and the age turned, whose youth's songs are the era (as 'people in
their 80s' reads); '80th' was unread and 'mum's' the band múm."""
_TABLETOP = re.compile(r"(?i)\b(?:d ?& ?d|dungeons (?:and|&|n) dragons)\b")
"""'music for a d&d session': one word, 'dnd' (the French table read the lone 'd' as its elision)."""
_MORE_MELODIC = re.compile(
    r"(?i)\b(?:more|a bit more|bit more|a little more|something|but) (?:melodic|melodious|tuneful)\b"
    r"(?! (?:\w+core|death|black|metal|rock|punk|house|techno|trance|dubstep|power|prog|doom|thrash)\b)"
)
"""'like nirvana but more melodic' is less harsh, as 'less heavy' reads ('melodic' was taken by meaning as spoken
word: Eminem, Rage Against the Machine)."""
_SHRUG = re.compile(r"(?<!like )(?<!by )(?<!\w)idk(?!\w)")
"""Chat's lower-case 'idk' (I don't know) where no cue names the rapper IDK: 'idk something new' seeded him."""
_NOT_OF_KIND = re.compile(
    r"(?i)\b(?P<no>no|not|nothing|without|none of)(?: the)? (?P<kind>[\w-]+(?: [\w-]+)?) "
    r"(?:that'?s|thats|that is|that are|which is|that sounds?|that goes?) (?:all |just |only |too |so |pure )?"
    r"(?P<what>[\w-]+)\b"
)
"""'shoegaze but no shoegaze that's all noise': the kind asked for, without those of it that are the last word
(read word by word, shoegaze was left out and noise asked for). Only where the kind was said before."""
_FROM_THE_PAST = re.compile(r"(?i)\b(?:a )?blasts? from the past\b")
"""'a blast from the past': throwbacks (the rapper PAST's own songs answered it)."""
_K_NOT_GROUPS = re.compile(
    r"(?i)\b(?P<k>k-?pop|k pop)\b(?P<mid>[^.!?]*?),?(?: but)? (?:no|without|not) "
    r"(?P<who>boy|girl) ?(?:groups?|bands?)\b"
)
"""'k-pop for working out but no boy groups': the girl groups (the boy-band tag left out touches no K-pop act)."""
_EMO_NIGHT = re.compile(r"(?i)\bemo nights?\b")
"""'emo night': the club night where everyone sings the emo songs they grew up on ('night' was a night drive)."""
_NOT_AGAIN = re.compile(r"(?i)\b((?:not|no|without|nothing (?:by|from)) [^,.!?]{1,40}?) (?:again|anymore|any more)\b")
"""'pop punk but not blink again': the act left out, without 'again' (read as part of the name: 'blink again')."""
_KIDS_ASLEEP = re.compile(
    r"(?i)\b(?:when|after|once|now that) (?:the|my) kids (?:are |have |go |went |finally |gone )*"
    r"(?:asleep|to bed|in bed|to sleep|sleeping)\b"
)
"""'music for when the kids are finally asleep': the parents' hour to unwind, not kids' music."""
_NEW_FAVOURITE = re.compile(r"(?i)\bnew (fav(?:ou?rite|e|s)?s?)\b")
"""'i need a new favorite band': new to the member, not of the last years ('new' asked for 2016 on)."""
_GOOD_OL = re.compile(r"(?i)\bgood (?:ol'?|ole)(?!\w)")
"""'play me a good ol song': good old songs ('a good ol' was an unknown name and the answer empty)."""
_AFTERPARTY = re.compile(r"(?i)\bafter-?party\b")
"""'stuff to play at an afterparty': the after party the scan reads ('afterparty' was an unknown name)."""
_NOT_KNOWN_YET = re.compile(r"(?i)\b(?:i )?(?:don'?t|do not|dont) know (?:yet|already)\b")
"""'something I don't know yet': music new to me, as 'i haven't heard' says ('know yet' was an unknown name)."""
_WHAT_YOU_HAVE = re.compile(
    r"(?i)\bwhat (?:(?:do|have|did|would) )?you (?:got|have|recommend|suggest)\b|\bwhat(?:cha|'ve you| you) got\b"
)
"""'what do you have that is good?', 'whatcha got': asked to recommend, naming nothing (the help text answered)."""

_OPEN_EARS = re.compile(
    r"(?i)\bi (?:like|love|enjoy|listen to|am into|'m into|m into) (?:pretty much |just about )?"
    r"(?:everything|anything|(?:so |very |a lot of |lots of |many |most |all (?:kinds|sorts|types) of |all )"
    r"(?:things|stuff|music|genres|kinds|styles))\b"
)
"""'I am not difficult, I like many things': any music, no name after 'like' (a name was looked for, and the help text
answered)."""

_SOUNDING = re.compile(r"(?i)\b(traditional|classic|old[- ]school|modern)[- ]sound(?:ing|in'?)(?= [a-z])")
"""'more traditional sounding country': the kind as 'traditional country' says it ('traditional sounding' was an
unknown name)."""

_QUEBEC = re.compile(r"(?i)\bqu[eé]b[eé]c(?:ois(?:es?)?)?\b")
"""'du rock québécois', 'quebec rock': French-Canadian, as the catalog's tags say it ('québécois' was unread)."""

_POST = re.compile(
    r"(?i)\b(?:post[- ]?|after (?:(?:the|my|a|an) )?)"
    r"(?:workouts?|gym|hiit|runs?|lifting|lifts?|training|spin|spin class|class|session|cardio)\b"
)
"""'post-workout', 'yoga after hiit': the cooldown after it (it seeded Post Malone, and 'hiit' asked for the workout
itself)."""

_CLOCK = re.compile(
    r"(?i)(?<!like )(?<!by )\b(?:(?:[5-9]|1[0-2])(?::[0-5]\d)? ?(?:am|pm|a\.m\.|p\.m\.)"
    r"|[1-4](?::[0-5]\d)? ?(?:pm|p\.m\.))(?!\w)"
)
"""'5am run on the beach', 'my 6am spin', 'took me till 2pm to get out of bed': when, which the words beside it say
as music ('5am' seeded an act of that name, '2pm' the group 2PM); the small hours are night music of their own
('2am')."""

_LISTENING_NIGHT = re.compile(r"(?i)\b(listening|vinyl|record|records|album|albums) (?:night|party|session|club)s?\b")
"""'vinyl listening night': records played through, no night drive ('night' was the drive's)."""

_FESTIVALS = re.compile(
    r"(?i)\b(?:edc|electric daisy carnival|tomorrowland|ultra music festival|ultra miami|lost lands|electric zoo"
    r"|ezoo|beyond wonderland|creamfields)\b"
)
"""'edc pregame', 'tomorrowland vibes': the EDM festivals by name ('edc' was an unknown name, an empty answer)."""
_AFTER_THE_FESTIVAL = re.compile(
    r"(?i)\bpost[- ]?(?:festival|fest|rave|concert|edc|vacation|holiday)(?P<low> depression| blues| sadness| sads)?\b"
)
"""'post-festival depression': the comedown after it (it seeded Post Malone and read the festival as euphoric)."""
_AFTER_A_SHOW = re.compile(
    r"(?i)\bafter[ -](?:(?:a|the|my|our|this|tonight'?s)[ -])?(?:long[ -])?(?:concert|gig|show|recital|rehearsal)s?\b"
)
"""'my drive-home-after-a-concert song': winding down after playing or hearing one, not live recordings (the
concert was the live mood: recordings from a stage, Coldplay and Queen live)."""
_DJ_SET = re.compile(r"(?i)\b(sunrise|sunset) set\b")
"""'sunrise set vibes': the hour the set is played at ('set' seeded the band Set It Off)."""

_BEFORE_A_TURN = re.compile(
    r"(?i)\b(?:before (?:the )?|pre[- ]?)(brostep|trap|mumble rap|autotune|auto-tune|soundcloud rap|tiktok)"
    r"(?: took over| blew up| happened| era)?\b"
)
"""'2008 dubstep, before brostep': a style that turned a scene, said to be left out (read as asked for, it seeded
Skrillex)."""

_FELT_AT = re.compile(
    r"(?i)\b(angry|mad|pissed(?: off)?|furious|frustrated|fuming|livid|sad|upset|stressed|stressed out) "
    r"(?:at|from|about|after) (?:work|school|uni|college|the office|my job|the job)\b"
)
"""'pissed off at work': where the feeling came from, not music for work (the office's quiet background averaged
the anger away: Khalid, Sam Smith)."""


_VAN = re.compile(
    r"(?i)\b(?:(?:in|on|for|from) (?:the|our|my|a|this) (?:tour |band |long )?van(?: rides?| trips?| drives?)?"
    r"|(?:tour |band )?van (?:rides?|trips?|drives?))\b"
)
"""'for the van ride to pittsburgh', 'in the van': a band on the road (it seeded Van Halen and an act called Van)."""
_AT_THE_DRUMS = re.compile(r"(?i)\b(?:hit|hitting|pound|pounding|bang|banging|beat|beating) (?:the|my) drums\b")
"""'stuff that makes me hit the drums harder': a drummer's hype (it seeded the band The Drums)."""
_HARD_TIME = re.compile(
    r"(?i)\b(?P<after>after )?(?:a |such a |one )?(?:really |very |pretty |super |long, )?"
    r"(?:(?:rough|tough|terrible|awful|shitty|crappy|hard|bad) (?:week|day|few days|month|year|night)"
    r"|heavy (?:week|few days|month|year))\b"
)
"""'had a really heavy week', 'a rough day': a low time (heavy read as heavy music, 'rough week' as an unknown
name); after one, music to unwind. Not 'heavy day': at the gym it is the day of the heaviest lifts."""
_SOUNDTRACK_OF_MY = re.compile(r"(?i)\b(?:the |my |our )?soundtrack (?:of|to) (?=(?:my|our|the|this|every) )")
"""'is literally the soundtrack of my drive up to estes park': what plays there, not film music."""
_MY_ANTHEM = re.compile(r"(?i)\b(is|was|as) (my|our) (?:(\w+) )?anthem\b")
"""'helplessness blues is my hiking anthem': the song the member plays there, not an anthemic mood."""
_THE_WORKS = re.compile(r"(?i),? (?:and )?the (?:whole )?works\b")
"""'90s, horns, checkered vans, the works': everything of the kind ('works' read as music for work)."""
_JUICE_BAR = re.compile(r"(?i)\b(?:juice|smoothie|salad|coffee) bar\b")
"""'a playlist for the juice bar at our studio': a café ('juice' seeded Juice WRLD)."""
_WITH_A_DROP = re.compile(
    r"(?i)\b(?:nothing|no|without|not) (?:anything )?(?:with )?(?:a |the |big |any )*(?:bass )?drops?\b"
)
"""'upbeat but NOT EDM, nothing with a drop': the build and drop of dance music ('drop' left out an act called DROP)."""
_HEARD_IT_EVERYWHERE = re.compile(
    r"(?i)\b(?:i'?ve|i have|we'?ve|we have) (?:already )?heard [^,.!?]{1,40}? (?:at|in|on) (?:every|all the|so many)"
    r"[^,.!?]*"
)
"""'no Ed Sheeran, I've heard Perfect at every studio in Boulder': why an act is left out ('Perfect' seeded an act)."""
_ISLAND_FEEL = re.compile(r"(?i)\b(?:a little |an |some )?(?:island|islandy)(?: vibes?| feel| sound| music| songs)\b")
"""'a little island feel': the Caribbean's sound (its words found the act Islands and the song 'Iceland')."""
_CHILLS = re.compile(r"(?i)\b(?:gives?|giving|get|gets|got|getting)(?: me| you)? (?:the )?chills\b")
"""'shipping up to boston, I still get chills': goosebumps, not the chill mood (it capped the energy)."""
_BREAKS_A_HEART = re.compile(r"(?i)\bbreaks? (?:your|my|his|her|their|our|the) hearts?\b")
"""'a woman's voice that breaks your heart': heartbreak, not the genre breaks (Armand Van Helden)."""
_BREAKS_BETWEEN = re.compile(
    r"(?i)\b(?:for |during )?(?:the )?breaks? (?:in )?between (?:our |the |my )?(?:sets?|songs|gigs?|rounds|classes)\b"
)
"""'a st patrick's day gig, for the breaks between our sets': the pauses, not breakbeat."""
_BY_NOW = re.compile(r"(?i)\b(?:know|knows|known) (?:me|us|my taste) by now\b")
"""'you all know me by now': no act called Now (it seeded one)."""
_WEEKDAY_DO = re.compile(
    r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday)(?:'s|s)? "
    r"(session|gig|jam|practice|rehearsal|class|shift|set|show|open mic)\b"
)
"""'before thursday's session': the day of it, not the band Thursday."""
_AUDITION = re.compile(
    r"(?i)\b(?:before |for |after )?(?:an?|my|the|this|our|her|his) (?:(?:rubbish|bad|big|first|panto) )?auditions?\b"
)
"""'warming up before an audition': the singer's day (it seeded the band The Audition)."""
_NOT_JUST = re.compile(
    r"(?i),? (?:but )?not just (?:the |some )?(?:[\w'-]+ )?(?:covers|songs|stuff|hits|tracks|ballads|bangers)\b"
)
"""'proper musical theatre, not just pop covers': more than them, not without them (pop left out took every
Broadway act, all filed pop). Acts said so stay left out ('deep cuts, not just maiden and priest')."""
_CAST_PARTY = re.compile(r"(?i)\bcast (party|parties)\b")
"""'15 bangers for the cast party': the company's party (it seeded the band Cast)."""
_WITH_MY_SON = re.compile(r"(?i)\b(?:with|and) (?:my|our|his|her) sons?\b")
"""'red sox game tonight with my son': family, not the Cuban genre son (read as latin)."""
_GOES_WITH = re.compile(r"(?i)\bwhat (?:else )?goes (?:well |nicely )?with\b")
"""'what goes with galway girl by ed sheeran?': like it ('goes with galway girl' was taken for the title)."""
_THE_HOUSE = re.compile(
    r"(?i)\b(?:from|out of|around|in|all over|through) (?:the|my|our) house\b(?! music| beats?| tracks?)"
)
"""'my wife has banned La Grange from the house': home, not the genre house (Swedish House Mafia led)."""
_BLUES_STYLE = re.compile(r"(?i)\b(chicago|texas|delta|memphis)[- ]style\b")
"""'blues shuffle to jam to, chicago style': the city's blues, where blues is asked (else the band Chicago); the
blues named becomes the city's, or the two read as blues at large."""
_BLUES = re.compile(r"(?i)\bblues\b")
_TEXAS_GUITAR = re.compile(r"(?i)\btexas(?: style)? (guitar(?:ists?|s)?|shuffles?)\b")
"""'Texas guitar' is Texas blues guitar (SRV, Freddie King, ZZ Top); 'Texas' alone was left unread."""
_BGM = re.compile(r"(?i)\bbgms?\b")
"""'bgm': a streamer's and a gamer's word for the music under a stream or a game, whatever its sound ('creepy
unsettling bgm' is creepy, not the quiet of a background mood)."""
_LURK = re.compile(r"(?i)\b(?:while (?:i|we) (?:lurk|am lurking|m lurking)|(?:to|for) lurk(?:ing)?(?: to)?)\b")
"""'while i lurk in my friend's stream': watching a stream quietly, music in the background."""
_GAME_JAM = re.compile(r"(?i)\bgame ?jams?\b")
"""'48 hrs of game jam ahead': an event, not the band The Jam or a jam band; its music is what else is said."""
_BARS_A_MINUTE = re.compile(
    r"(?i)(?:~ ?|about |around )?\b(\d{2})(?: ?- ?(\d{2}))? ?(?:bars|measures|mpm)(?: (?:a|per) (?:min|minute))?\b"
)
"""'~44 bars a min', '28-30 mpm': a dance teacher's tempo, bars a minute; four beats a bar, three in a waltz."""
_CHA_CHA_SLIDE = re.compile(r"(?i)\bcha[ -]?cha slide\b")
"""'not the cha cha slide again': the song, its name as one word so the dance (a tempo) does not take it."""
_ENSEMBLE_KIDS = re.compile(
    r"(?i)\b(band|jazz|choir|theory|drumline|orchestra|ensemble|marching|music|guitar|piano|drums?|bass|percussion"
    r"|brass|strings?|section|class) kids\b"
)
"""'my jazz band kids', 'my theory kids': a teacher's students, not a children's mood (Disney Channel acts led)."""
_BLACK_HISTORY = re.compile(r"(?i)\b(?:for |during )?black history month\b")
"""'Motown and soul for Black History Month': the occasion, not the acts Black and History."""
_HEAVY_WITH = re.compile(
    r"(?i)\b(?:(brass|horns?|strings?|synths?)[- ]|(guitars?|piano|percussion|drums?|vocals?)-)heavy\b"
    r"|\b(?:do|does|doing|did) (?:all )?the heavy lifting\b"
)
"""'brass-heavy rock', 'the string section does the heavy lifting': much of an instrument, not a heavy sound ('guitar
heavy rock' without its hyphen is heavy guitar rock)."""
_FUSION_DANCE = re.compile(r"(?i)\bfusion (?=showcase|routine|class|classes|dance|piece|number|night|workshop)")
"""'for a fusion showcase': a dance that fuses styles, not jazz fusion."""
_BY_EAR = re.compile(r"(?i)\b(?:learn|play|pick up|figure out)(?: it| them)? by ear\b")
"""'songs my pep band could learn by ear': how they learn, not the act EAR."""
_PUMP_UP = re.compile(r"(?i)\bpump(?:s|ing)? (?:me|us|you|them|him|her|everyone|everybody) up\b")
"""'something to pump me up': pump-up music, not the act Lil Pump."""
_BY_THE_END = re.compile(r"(?i)\bby the end\b")
"""'feel better by the end of the playlist': when, not a song by the act End."""
_GENRE_QUEENS = re.compile(
    r"(?i)\b(salsa|pop|rap|hip hop|r&b|rnb|country|reggaeton|latin|disco|soul|blues|punk|metal|k-?pop|jazz|dance)"
    r" queens\b"
)
"""'celia cruz and other salsa queens', 'rap queens': the genre's women, not Queens of the Stone Age."""
_DONE_FOR_THE_DAY = re.compile(r"(?i)\b(?:i'?m |i am )?done for the day\b")
"""'gimme a vibe, i'm done for the day': to unwind after work."""
_DOORS_OPEN = re.compile(r"(?i),? ?doors (?:open|opening) (?:in \d+(?: ?min(?:ute)?s?)?|soon|at \d+)")
"""'music for the studio pls, doors open in 10': when the music is wanted, not The Doors."""
_LINDY = re.compile(r"(?i)\blindy(?: hop(?:pers?)?)?\b")
"""'lindy', 'lindy hop': swing dancing, to swing (its 'hop' was read as hip hop's dance)."""
_TRAD_JAZZ = re.compile(r"(?i)\btrad(?:itional)? jazz\b")
"""'trad jazz' is New Orleans jazz, not Irish trad (whose acts 'trad' names)."""
_SUN_OUT = re.compile(r"(?i)\bthe sun(?:'s| is) (?:out|shining)\b")
"""'sox won and the sun's out!': a sunny day (it seeded the band The Sun)."""
_ON_A_BOAT = re.compile(r"(?i)\b(?:on|in) a boat\b(?! party| parties)")
"""'leaving ireland on a boat': how they left, not the act BOAT."""
_NO_CLASS = re.compile(
    r"(?i)\b(?:no|without) (?:class|classes|school|work|uni|lectures?)(?: today| tomorrow| this week)?\b"
)
"""'lazy saturday morning, no class': a day off, not music unlike studying's (instrumentals at 0.2 and up)."""
_TWO_STEP_PIT = re.compile(r"(?i)\b(?:two|2)[- ]?step(?:ping)?\b")
_HARDCORE_SAID = re.compile(r"(?i)\b(?:hardcore|nyhc|mosh|beatdown|metalcore|punk|pit)\b")
"""'nyhc ... stuff to two-step to': the hardcore pit's dance, not the country two-step (George Strait)."""


_PUNK_HARDCORE = re.compile(
    r"(?i)\bhardcore\b(?! punk| techno| rap| hip[ -]?hop| house| dance| gabber| trance| fans?\b)"
)
_PUNK_SAID = re.compile(
    r"(?i)\b(?:punks?|straight[ -]?edge|sxe|posi|nyhc|dischord|youth crew|minor threat|black flag|bad brains"
    r"|gorilla biscuits|dead kennedys|agnostic front|cro-?mags|fugazi)\b"
)
"""'short fast pissed off straight edge hardcore', 'minor threat and gorilla biscuits, posi hardcore': the punk
kind; listeners filed 2010s metalcore under plain 'hardcore' (Asking Alexandria, Five Finger Death Punch)."""


def _punk_hardcore(text: str) -> str:
    return _PUNK_HARDCORE.sub("hardcore punk", text) if _PUNK_SAID.search(text) else text


def _hard_time(m: re.Match[str]) -> str:
    return " to unwind " if m.group("after") else " sad "


def _my_anthem(m: re.Match[str]) -> str:
    return f" {m.group(1)} {m.group(2)} {m.group(3) or ''} song "


def _two_step(text: str) -> str:
    """'two-step' is the pit's dance where hardcore is said, else the country dance or UK garage's 2-step."""
    return _TWO_STEP_PIT.sub(" mosh ", text) if _HARDCORE_SAID.search(text) else text


def _shift(m: re.Match[str]) -> str:
    return " after work " if m.group("after") else " to stay awake "


def _x_energy(m: re.Match[str]) -> str:
    """A moment's energy is the moment ('girls night'); an attitude's is no word to read ('boss')."""
    said = m.group(1)
    return f" {said} " if "night" in said.lower() else " "


def _after_the_festival(m: re.Match[str]) -> str:
    return " sad " if m.group("low") else " "


def _other_groups(m: re.Match[str]) -> str:
    other = "girl" if m.group("who").lower() == "boy" else "boy"
    return f"{m.group('k')} {other} groups{m.group('mid')}"


def _kind_said_before(m: re.Match[str]) -> bool:
    """Whether the match's kind was said before it in the request ('metal for people who don't like metal')."""
    return f" {m.group('kind').casefold()} " in f" {m.string[: m.start()].casefold()} "


def _not_into_it(m: re.Match[str]) -> str:
    return " for everyone " if _kind_said_before(m) else m.group()


def _not_of_kind(m: re.Match[str]) -> str:
    return f"{m.group('no')} {m.group('what')}" if _kind_said_before(m) else m.group()


_SOUNDS_LIKE_WATER = re.compile(
    r"(?i)\b(?:(?:sounds?|sounding|feels?|feeling) like (?:the )?(?:ocean|sea|waves|a dream)|(?:ocean|sea) vibes)\b"
)
"""'songs that sound like the ocean', 'music that feels like a dream', 'ocean vibes': how they sound, dreamy ('the
ocean' seeded Mike Perry's 'The Ocean', 'a dream' a netlabel song 'A Dream', 'ocean vibes' the band The Ocean)."""
_SOLO_PIANO = re.compile(r"(?i)\b(?:solo piano|piano solos?|piano alone)\b")
"""'solo piano, but not einaudi': the piano played alone ('solo' was unread, and the listeners' tag 'piano' is on
its singers: Fiona Apple, Jewel, Tori Amos)."""


_NUMBERED_RIDE = re.compile(r"(?i)\b(?:the |a )(?:no\.? ?|number |#)?\d{1,3}[a-z]? (bus|tram|train|night bus)\b")
"""'the 36 bus', 'the N29 night bus': the route's number is no count ('on the 36 bus' was one unknown name)."""
_LONG_RIDE = re.compile(r"(?i)\blong (?:bus |train |tram )?(?:ride|journey|commute)\b")


def _bars_a_minute(found: re.Match[str], text: str) -> str:
    beats = 3 if "waltz" in text.lower() else 4
    low = int(found.group(1))
    high = int(found.group(2) or low)
    return f" around {round((low + high) / 2 * beats)} bpm "


_ELDERS = re.compile(
    r"(?i)\b(?:for|with|to) (?:the|our|my|all the|all our) (?:residents|elderly|seniors|pensioners|old folks)\b"
    r"|\b(?:for|in|at|on) (?:a|the|our|my) (?:care|nursing|retirement|old people'?s) homes?\b"
    r"|\b(?:for|with|on|in|at) (?:a |the |our |my )?(?:(?:gentleman|lady|man|woman|resident|people) with )?"
    r"(?:dementia|alzheimer'?s|memory care)(?: unit| ward| group| patients?| residents?)?\b"
    r"|\b(?:for )?(?:a |the |our )?(?:memory caf[eé]|reminiscence (?:group|session)s?)\b"
)
"""'what shall I put on for the residents', 'music for a care home', 'for a gentleman with dementia', 'a memory café
session': the music of the elders' youth, as 'for my grandparents' is read; the residents were the band The
Residents (Captain Beefheart, Einstürzende Neubauten), the rest today's songs."""
_CHAIR_EXERCISE = re.compile(r"(?i)\bchair (?:exercises?|exercising|aerobics|yoga|workouts?)(?: class(?:es)?)?\b")
"""'chair exercise class, steady beat that isn't too fast': a gentle workout for the elders it is for (was EDM at the
workout's 118 bpm floor)."""
_RESIDENTS = re.compile(
    r"(?i)(?<!like )(?<!play )(?<!by )(?<!from )\b(?:the|our) residents\b(?!'?s? (?:songs?|albums?|tracks?|band|music))"
)
"""'the residents who can still dance will be up': a care home's, not the band The Residents."""
_TEA_DANCE = re.compile(r"(?i)\b(?:a |the |our )?tea dances?\b")
"""'music for our tea dance on sunday': the elders' afternoon dance, to the music of their youth."""
_WALKING_PACE = re.compile(r"(?i)\b(?:about |at )?(?:a )?walking (?:pace|speed|tempo)\b")
"""'the physio says about walking pace': a middling tempo, not title words ('Walking On Water')."""
_WAR_YEARS = re.compile(r"(?i)\b(?:the )?(?:war years|second world war|world war (?:ii|2|two)|wwii)\b")
"""'songs from the war years' seeded the band War; the Second World War's years are the era (`lx.NAMED_ERAS`)."""
_LOUD_INSIDE = re.compile(
    r"(?i)\b(?:the |my )?(?:anxiety|brain|head|mind|thoughts|overthinking)(?: is| are|'s|s) "
    r"(?:really |so |very )?loud\b"
)
"""'the anxiety is really loud tonight': how it feels, not a loud song asked for (it was the loud mood)."""
_A_POST = re.compile(
    r"(?i)\b(sober|sobriety|instagram|insta|tiktok|facebook|channel|server|discord|my|our|someone'?s) posts?\b"
    r"(?! malone)"
)
"""'songs for someone's 100 days sober post': a message on the server, not Post Malone."""
_WOULD_BE_NICE = re.compile(r"(?i)\b(?:would|that'?d|it'?d) be (?:nice|cool|great|good|dope|sick)\b")
"""'copyright free would be nice but whatever': a wish said, not the act Nice."""
_FILM_YEAR = re.compile(r"(?i)\s*\((?:19|20)\d\d\)(?=\s+(?:soundtrack|ost|movie|film)\b)")
"""'that whole drive (2011) soundtrack feeling': the film's year, not an era (the year 2011 alone was asked for)."""


def reworded(text: str) -> str:
    """`text` with each shorthand said in the words the scan reads."""
    worded = _A_BREAK_FROM.sub(" no ", _LISTEN_IF_LIKE.sub("like", _SHRUG.sub(" ", text)))
    worded = _THAT_ONE_BY.sub(r"\1", _NORMAL.sub("mainstream ", _STUDYING_A_SUBJECT.sub(" ", worded)))
    worded = _SHIFT.sub(_shift, _X_ENERGY.sub(_x_energy, _FOR_THE_CULTURE.sub(" ", worded)))
    worded = _WITH_OUT.sub(lambda m: "without" if m.group().lower() == "w/o" else "with", worded)
    worded = _CLEAN_VOCALS.sub(" no screaming ", worded)  # beside 'metalcore' it leaves the other kinds out
    worded = _MORE_MELODIC.sub(" less heavy ", worded)
    worded = told(_BPM_FIRST.sub(r"around \1 bpm", _CHILD_AGE.sub(" kids ", worded)))
    worded = _ROUND_BIRTHDAY.sub(r"\2 for people in their \1s", _TABLETOP.sub(" dnd ", worded))
    worded = _SOLO_PIANO.sub("instrumental piano", _NO_SKIPS.sub(" bangers ", worded))
    worded = _SOUNDS_LIKE_WATER.sub("dreamy", worded)
    worded = _OUTSIDERS.sub(" everyone ", _HM2.sub(" swedish death metal ", _NOT_INTO_IT.sub(_not_into_it, worded)))
    worded = _FROM_THE_PAST.sub("throwbacks", _NEW_FAVOURITE.sub(r"\1", _KIDS_ASLEEP.sub("to unwind", worded)))
    worded = _EMO_NIGHT.sub("emo singalongs", _K_NOT_GROUPS.sub(_other_groups, _NOT_AGAIN.sub(r"\1", worded)))
    worded = _NOT_KNOWN_YET.sub("i haven't heard", _AFTERPARTY.sub("after party", _GOOD_OL.sub("good old", worded)))
    worded = _POST.sub("cooldown", _QUEBEC.sub("french canadian", _CLOCK.sub(" ", worded)))
    worded = _FELT_AT.sub(r"\1", _LISTENING_NIGHT.sub(r"\1", worded))
    worded = _BEFORE_A_TURN.sub(r"no \1", worded)
    worded = _AFTER_A_SHOW.sub("to unwind", _LONG_RIDE.sub(" travel ", _NUMBERED_RIDE.sub(r"the \1", worded)))
    worded = _FESTIVALS.sub("edm festival", _DJ_SET.sub(r"\1", _AFTER_THE_FESTIVAL.sub(_after_the_festival, worded)))
    worded = _WHAT_YOU_HAVE.sub("recommend", _OPEN_EARS.sub("any music", _SOUNDING.sub(r"\1", worded)))
    worded = _AT_THE_DRUMS.sub(" energetic ", _VAN.sub(" on a road trip ", _two_step(_punk_hardcore(worded))))
    worded = _SOUNDTRACK_OF_MY.sub(" for ", _HARD_TIME.sub(_hard_time, worded))
    worded = _JUICE_BAR.sub(" cafe ", _THE_WORKS.sub(" ", _MY_ANTHEM.sub(_my_anthem, worded)))
    worded = _HEARD_IT_EVERYWHERE.sub(" ", _WITH_A_DROP.sub(" no edm ", _NO_CLASS.sub(" ", worded)))
    worded = _ISLAND_FEEL.sub(" caribbean vibes ", _CHILLS.sub(" ", _BREAKS_A_HEART.sub(" heartbreak ", worded)))
    worded = _BY_NOW.sub(" ", _BREAKS_BETWEEN.sub(" ", _WEEKDAY_DO.sub(r" \1", _ON_A_BOAT.sub(" ", worded))))
    worded = _TRAD_JAZZ.sub(" dixieland ", _SUN_OUT.sub(" sunny ", worded))
    worded = _NOT_JUST.sub(" ", _CAST_PARTY.sub(r" \1 ", _AUDITION.sub(" ", worded)))
    worded = _GOES_WITH.sub(" something like ", _WITH_MY_SON.sub(" ", worded))
    worded = _TEXAS_GUITAR.sub("texas blues", _THE_HOUSE.sub(" at home ", worded))
    if "blues" in worded.lower() and (style := _BLUES_STYLE.search(worded)):
        worded = _BLUES.sub(f"{style.group(1)} blues", _BLUES_STYLE.sub(" ", worded), count=1)
    worded = _CHA_CHA_SLIDE.sub("chacha slide", _ENSEMBLE_KIDS.sub(r"\1", _BLACK_HISTORY.sub(" ", worded)))
    worded = _GENRE_QUEENS.sub(r"\1 female singers", _BY_THE_END.sub("at the end", _PUMP_UP.sub("pump up", worded)))
    worded = _HEAVY_WITH.sub(lambda m: m.group(1) or m.group(2) or " ", _FUSION_DANCE.sub("", worded))
    worded = _BY_EAR.sub(" learn ", worded)
    worded = _DOORS_OPEN.sub(" ", _DONE_FOR_THE_DAY.sub(" to unwind ", worded))
    worded = _LINDY.sub("swing", _BARS_A_MINUTE.sub(lambda m: _bars_a_minute(m, worded), worded))
    worded = _GAME_JAM.sub(" ", _LURK.sub(" in the background ", _BGM.sub("music", worded)))
    worded = _ELDERS.sub("for my grandparents", _FILM_YEAR.sub("", worded))
    worded = _WAR_YEARS.sub("wartime", _LOUD_INSIDE.sub(" anxious ", worded))
    worded = _A_POST.sub(r"\1", _WOULD_BE_NICE.sub(" ", worded))
    worded = _WALKING_PACE.sub(" mid tempo ", _CHAIR_EXERCISE.sub("gentle workout for my grandparents", worded))
    worded = _RESIDENTS.sub("for my grandparents", _TEA_DANCE.sub("dance for my grandparents", worded))
    return _NOT_OF_KIND.sub(_not_of_kind, worded)
