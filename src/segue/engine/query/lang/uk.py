"""Ukrainian request words, read as the English the scan knows ('сумні пісні 80-х без репу' -> 'sad songs 80s
without rap'), with the Russian-tinged spellings of surzhyk ('шото грусне', 'весьоле') and the Latin spellings of a
keyboard without Cyrillic ('sumni pisni'). Ukrainian inflects like Russian: an adjective's stem takes '*' (each case
and gender ending), a noun lists the forms people type. Words Russian spells alike count half for each; the letters
only Ukrainian writes ('і', 'ї', 'є', 'ґ') settle a tie. A decade is '80-х', '80-ті' or '80х': Russian's `segment`
writes the first and last as '80s', this one '80-ті' and 'з 2010' (since). Requests only: the interface has no
Ukrainian catalog yet."""

from __future__ import annotations

import re

from segue.engine.query.lang._core import Language, table, words

__all__ = ["LANGUAGE", "segment"]

_ENDINGS = (
    "ий", "ій", "а", "я", "е", "є", "і", "ї", "ого", "ього", "ому", "ьому", "им", "ім", "ою", "ьою", "у", "ю",
    "их", "іх", "ими", "іми", "ої", "ьої",
)  # fmt: skip
"""An adjective's endings in every case, gender and number ('сумн*': сумний, сумна, сумні, сумних, сумну...)."""

_ADJECTIVES = table(
    """
    сумн*=sad смутн*=sad печальн*=sad тужлив*=sad грусн*=sad грустн*=sad спокійн*=calm спокiйн*=calm тих*=calm
    умиротворен*=calm весел*=happy весьол*=happy радісн*=happy позитивн*=happy життєрадісн*=happy
    романтичн*=romantic енергійн*=energetic енергічн*=energetic бадьор*=upbeat драйвов*=energetic
    мотивуюч*=motivational повільн*=slow швидк*=fast акустичн*=acoustic меланхолійн*=melancholic
    ностальгійн*=nostalgic темн*=dark похмур*=dark агресивн*=aggressive зл*=angry злісн*=angry
    танцювальн*=danceable розслаблююч*=relaxing розслаблен*=relaxed атмосферн*=atmospheric гарн*=beautiful
    красив*=beautiful ніжн*=gentle душевн*=soulful важк*=heavy жорстк*=heavy епічн*=epic легк*=easy
    інструментальн*=instrumental невідом*=unknown маловідом*=lesser_known непопулярн*=lesser_known
    рідкісн*=rare нов*=new свіж*=new стар*=old відом*=famous популярн*=popular мейнстрімн*=mainstream
    андеграундн*=underground класичн*=classical електронн*=electronic хорош*=good добр*=good найкращ*=best
    крут*=good якісн*=good кайфов*=good літн*=summer зимов*=winter осінн*=autumn весінн*=spring нічн*=night
    ранков*=morning вечірн*=evening новорічн*=christmas різдвян*=christmas дощов*=rainy українськ*=ukrainian
    російськ*=russian англійськ*=english американськ*=american британськ*=british французьк*=french
    німецьк*=german іспанськ*=spanish італійськ*=italian японськ*=japanese корейськ*=korean джазов*=jazz
    незвичн*=unusual депресивн*=depressing клубн*=club фонов*=background гучн*=loud голосн*=loud чілов*=chill
    чилов*=chill мелодійн*=melodic російськомовн*=russian
    """,
    _ENDINGS,
)

_WORDS = table(
    """
    пісня=song пісні=songs пісень=songs пісню=song піснями=songs піснях=songs пісеньки=songs пісеньку=song
    трек=track треки=tracks треків=tracks трека=track треку=track треком=track треками=tracks трекі=tracks
    музика=music музику=music музики=music музикою=music музиці=music
    гурт=band гурти=bands гуртів=bands гурту=band гуртом=band група=band групи=bands груп=bands
    виконавець=artist виконавці=artists виконавців=artists виконавця=artist артист=artist артисти=artists
    співак=singer співачка=singer співаки=singers співачки=singers альбом=album альбоми=albums плейлист=playlist
    добірка=playlist добірку=playlist хіт=hit хіти=hits хітів=hits бенгери=bangers

    рок=rock року=rock роком=rock панк=punk панку=punk метал=metal металу=metal реп=rap репу=rap репом=rap
    репчик=rap хіп_хоп=hip_hop хіпхоп=hip_hop поп=pop попса=pop попси=pop попсу=pop попсою=pop
    електроніка=electronic електроніку=electronic електроніки=electronic електронка=electronic
    електронку=electronic електронки=electronic джаз=jazz джазу=jazz джазом=jazz джазик=jazz блюз=blues
    блюзу=blues класика=classical класику=classical класики=classical інді=indie інді_рок=indie_rock
    фонк=phonk фонку=phonk техно=techno хаус=house транс=trance диско=disco регі=reggae реггі=reggae
    кантрі=country фолк=folk фолку=folk соул=soul фанк=funk ембієнт=ambient ембієнт=ambient лофай=lo-fi
    лоуфай=lo-fi лофі=lo-fi синтвейв=synthwave постпанк=post-punk пост_панк=post-punk построк=post-rock
    пост_рок=post-rock гранж=grunge альтернатива=alternative альтернативу=alternative шугейз=shoegaze
    дрил=drill треп=trap трап=trap к_поп=k-pop кпоп=k-pop аніме=anime саундтрек=soundtrack
    саундтреки=soundtracks дабстеп=dubstep драм_н_бейс=drum_and_bass днб=drum_and_bass рок_н_рол=rock_and_roll
    хеві_метал=heavy_metal металкор=metalcore ню_метал=nu_metal поп_панк=pop_punk панк_рок=punk_rock
    хард_рок=hard_rock рнб=r&b нью_ейдж=new_age опера=opera оперу=opera рейв=rave хардстайл=hardstyle
    шансон=chanson укр=ukrainian укр_реп=ukrainian_rap

    щось=something шось=something шото=something щото=something що_небудь=something шо_небудь=something
    щось_типу=something_like щось_на_кшталт=something_like щось_схоже_на=something_similar_to
    будь_що=anything будь_що_крім=anything_but будь_які=any якусь=some якийсь=some якісь=some якесь=some
    схоже_на=similar_to схожі_на=similar_to схожа_на=similar_to схожу_на=similar_to схожих_на=similar_to
    схоже=similar схожі=similar схожих=similar типу=like як=like як_у=like як_в=like на_кшталт=like
    в_стилі=in_the_style_of у_стилі=in_the_style_of у_дусі=in_the_style_of а_ля=like

    і=and й=and та=and або=or чи=or з=from із=from зі=from без=without але=but а=and не=not ні=no
    ніякого=no ніяких=no тільки=only тільки_не=not лише=only лиш=only крім=except окрім=except
    але_без=but_without але_не=but_not без_слів=without_lyrics без_вокалу=without_vocals без_тексту=without_lyrics
    з_вокалом=with_vocals з_жіночим_вокалом=female_vocals жіночий_вокал=female_vocals
    чоловічий_вокал=male_vocals наживо=live їх_самих=them не_їх_самих=not_them не_мейнстрім=not_mainstream

    порадь=recommend порадьте=recommend порекомендуй=recommend підкажи=recommend підкажіть=recommend
    накидай=recommend накидайте=recommend скинь=recommend скиньте=recommend кинь=recommend закинь=recommend
    дай=give_me дайте=give_me давай=give_me увімкни=play ввімкни=play включи=play постав=play знайди=find
    хочу=i_want хочеться=i_want треба=i_need потрібно=i_need потрібна=i_need шукаю=looking_for мені= мене=
    нам= пліз=please плз=please будь_ласка=please

    один=one одну=one одна=one два=two дві=two пару=a_couple три=three чотири=four п_ять=five пять=five
    шість=six сім=seven вісім=eight дев_ять=nine десять=ten п_ятнадцять=fifteen двадцять=twenty штук= штуки=

    років= року= рік= роки= рр= шістдесятих=60s сімдесятих=70s вісімдесятих=80s дев_яностих=90s
    нульових=2000s нульові=2000s десятих=2010s до=before після=after починаючи_з=since

    для=for на=for в=in у=in під=for від=from про=about перед_сном=before_sleep на_ніч=before_sleep
    перед=before послухати= слухати= спорту=workout спорт=workout тренування=workout тренувань=workout
    трені=workout тренірованія=workout залу=gym зал=gym зала=gym спортзалу=gym спортзал=gym
    бігу=running пробіжки=running бігати=running сну=sleep спати=sleep заснути=sleep засинання=sleep
    навчання=studying вчитися=studying навчатися=studying уроків=studying роботи=work працювати=work
    концентрації=focus фокусу=focus кодингу=coding програмування=coding дороги=road_trip в_дорогу=for_a_road_trip
    у_дорогу=for_a_road_trip дорогу=road_trip поїздки=road_trip подорожі=road_trip нічна_поїздка=night_drive
    в_машину=for_driving машини=driving машину=driving за_кермом=driving вечірки=party вечірку=party
    вечірка=party тусовки=party тусовку=party тусу=party туси=party паті=party танців=dance танцювати=dance
    медитації=meditation йоги=yoga готую=cooking готувати=cooking готую_їсти=cooking прибирання=cleaning
    побачення=date_night на_побачення=for_date_night дощ=rainy дощу=rainy під_дощем=in_the_rain ніч=night
    ночі=night вночі=at_night ранок=morning зранку=morning вечір=evening ввечері=evening літо=summer
    влітку=summer осінь=autumn восени=autumn зима=winter взимку=winter весна=spring навесні=spring
    кохання=love про_кохання=about_love любов=love розставання=breakup сум=sad туга=sad депресія=depressing
    хрєново=sad хріново=sad поплакати=to_cry_to плакати=to_cry_to відпочинку=relaxing відпочити=relaxing
    релакс=relaxing розслабитися=relaxing чіл=chill чил=chill чілл=chill чілити=chill вайб=vibe вайби=vibes
    гуд_вайби=good_vibes настрій= настрою= під_настрій= день_народження=birthday днюха=birthday
    весілля=wedding новий_рік=christmas різдво=christmas свято=party ігор=gaming ігри=gaming гри=gaming
    геймінгу=gaming фон=background на_фон=for_background фоном=background на_всю_хату=loud кайф=good

    спокійніші=calmer спокійніше=calmer веселіші=happier веселіше=happier сумніші=sadder сумніше=sadder
    тихіші=calmer тихіше=calmer м_якше=softer важчі=heavier важче=heavier швидші=faster швидше=faster
    повільніші=slower повільніше=slower новіші=newer енергійніші=more_energetic
    українською=in_ukrainian англійською=in_english російською=in_russian

    мій=my моя=my мої=my моїх=my твій=your твоя=your наш=our який=that яка=that які=that що=that щоб=that
    шо=that це=this цей=this ці=these такий=such таке=such такі=such ще=more більше=more менше=less
    дуже=very найбільш=the_most всіх_часів=of_all_time все=all всі=all зараз=now новинки=new_releases
    нове=new топ=top топові=top кращі=best мейнстрім=mainstream андеграунд=underground поки=while

    sumni=sad sumna=sad sumnyi=sad pisni=songs pisen=songs pisniu=song trekiv=tracks treky=tracks dlia=for
    dlya=for zalu=gym veseli=happy vesela=happy vesele=happy v_dorohu=for_a_road_trip dorohu=road_trip
    kohannia=love kokhannia=love pro_kohannia=about_love muzyka=music muzyku=music shchos=something
    schos=something spokiyna=calm spokijna=calm spokiini=calm daj=give_me dai=give_me
    """
)

_DECADE = re.compile(r"(?i)(?<![\w-])((?:1[89]|20)?\d0)\s*-?\s*(?:ті|ти|их)(?![\w])")
"""'80-ті', '90-их', '2000-ті': the decade as the scan writes it ('80s'); Russian's `segment` writes '80-х'."""
_SINCE = re.compile(r"(?i)(?<![\w])з\s+((?:19|20)\d\d)(?!\d)")
"""'з 2010 року': since 2010 ('з' is also 'from' and 'with')."""
_CYRILLIC = re.compile(r"[а-яіїєґ]", re.IGNORECASE)


def segment(text: str) -> str:
    """`text` with Ukrainian decades as the scan writes them ('рок 80-ті' -> 'рок 80s', 'з 2010' -> 'since 2010');
    a request without Cyrillic letters is returned as it is."""
    if not _CYRILLIC.search(text):
        return text
    return _SINCE.sub(r"since \1", _DECADE.sub(r"\1s", text))


LANGUAGE = Language(
    code="uk",
    phrases={**_ADJECTIVES, **_WORDS},
    weak=words("pro dlia dlya treky"),
    letters="іїєґ",
    joins=words("і та або чи"),
    possessive=words("пісні пісень треки треків хіти хітів альбоми альбом найкращі_пісні"),
    segment=segment,
)
