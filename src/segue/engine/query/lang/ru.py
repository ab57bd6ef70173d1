"""Russian request words, read as the English the scan knows ('грустные песни 80-х без рэпа' -> 'sad songs 80s
without rap'). Russian inflects: an adjective's stem takes '*' (each case and gender ending), a noun lists the
forms people type. A decade is written '80-х', '80-е' or '80х': `segment` makes it '80s' before the request is
read. Requests only: the interface has no Russian catalog yet."""

from __future__ import annotations

import re

from segue.engine.query.lang._core import Language, table, words

__all__ = ["LANGUAGE", "segment"]

_ENDINGS = (
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ую", "юю",
    "ого", "его", "ому", "ему", "ым", "им", "ыми", "ими", "ей",
)  # fmt: skip
"""An adjective's endings in every case, gender and number ('грустн*': грустный, грустная, грустных, грустную...)."""

_ADJECTIVES = table(
    """
    грустн*=sad грусн*=sad печальн*=sad долг*=long длинн*=long тоскливо=sad тоскливые=sad спокойн*=calm
    тих*=calm тихо=calm
    умиротворенн*=calm
    весел*=happy радостн*=happy позитивн*=happy жизнерадостн*=happy романтичн*=romantic романтическ*=romantic
    энергичн*=energetic бодр*=upbeat драйвов*=energetic мотивирующ*=motivational медленн*=slow быстр*=fast
    акустическ*=acoustic меланхоличн*=melancholic ностальгическ*=nostalgic темн*=dark мрачн*=dark
    агрессивн*=aggressive зл*=angry танцевальн*=danceable расслабляющ*=relaxing расслабленн*=relaxed
    атмосферн*=atmospheric красив*=beautiful нежн*=gentle душевн*=soulful тяжел*=heavy жестк*=heavy
    эпичн*=epic эпическ*=epic легк*=light инструментальн*=instrumental
    неизвестн*=unknown малоизвестн*=lesser_known непопулярн*=lesser_known редк*=rare новее=newer нов*=new свеж*=new
    стар*=old старинн*=old известн*=famous популярн*=popular мейнстримн*=mainstream андерграундн*=underground
    андеграундн*=underground классическ*=classical электронн*=electronic
    хорош*=good лучш*=best крут*=good качественн*=good годн*=good
    летн*=summer зимн*=winter осенн*=autumn весенн*=spring ночн*=night утренн*=morning вечерн*=evening
    новогодн*=christmas рождественск*=christmas дождлив*=rainy
    русск*=russian российск*=russian отечественн*=russian советск*=russian английск*=english
    американск*=american британск*=british французск*=french немецк*=german испанск*=spanish
    итальянск*=italian японск*=japanese корейск*=korean бразильск*=brazilian латиноамериканск*=latin
    украинск*=ukrainian джазов*=jazz необычн*=unusual депрессивн*=depressing клубн*=club фонов*=background
    """,
    _ENDINGS,
)

_WORDS = table(
    """
    песня=song песни=songs песен=songs песню=song песней=songs песнями=songs песнях=songs песенки=songs
    песенку=song трек=track треки=tracks треков=tracks трека=track треку=track треком=track треками=tracks
    трэки=tracks трэков=tracks музыка=music музыку=music музыки=music музыкой=music музыке=music музон=music
    музла=music музло=music музончик=music группа=band группы=bands групп=bands группу=band группой=band
    группами=bands исполнитель=artist исполнители=artists исполнителей=artists исполнителя=artist
    артист=artist артисты=artists артистов=artists певец=singer певица=singer певцы=singers певиц=singers
    певицы=singers альбом=album альбомы=albums альбома=album плейлист=playlist плейлиста=playlist
    плейлист_для=playlist_for подборку=playlist подборка=playlist хит=hit хиты=hits хитов=hits хитяры=hits
    бэнгеры=bangers бэнгеров=bangers бенгеры=bangers качи=bangers

    рок=rock рока=rock роком=rock року=rock панк=punk панка=punk панком=punk метал=metal метала=metal
    металл=metal металла=metal металлом=metal рэп=rap рэпа=rap рэпом=rap реп=rap репа=rap
    хип_хоп=hip_hop хипхоп=hip_hop хип_хопа=hip_hop хипхопа=hip_hop поп=pop попса=pop попсы=pop попсу=pop
    попсой=pop попсятина=pop электроника=electronic электронику=electronic электроники=electronic
    джаз=jazz джаза=jazz джазом=jazz джазовые=jazz джазовую=jazz блюз=blues блюза=blues классика=classical
    классику=classical классики=classical инди=indie инди_рок=indie_rock инди_рока=indie_rock фонк=phonk
    фонка=phonk техно=techno хаус=house транс=trance диско=disco шансон=chanson шансона=chanson регги=reggae
    кантри=country фолк=folk фолка=folk соул=soul фанк=funk эмбиент=ambient эмбиента=ambient лофай=lo-fi
    лоуфай=lo-fi лофи=lo-fi ло_фай=lo-fi синтвейв=synthwave синтвэйв=synthwave пост_панк=post-punk
    постпанк=post-punk пост_панка=post-punk постпанка=post-punk пост_рок=post-rock построк=post-rock
    гранж=grunge альтернатива=alternative альтернативу=alternative альтернативы=alternative
    альтернативный_рок=alternative_rock шугейз=shoegaze дрилл=drill трэп=trap трап=trap эстрада=pop
    эстрады=pop к_поп=k-pop кпоп=k-pop кей_поп=k-pop аниме=anime саундтрек=soundtrack саундтреки=soundtracks
    саундтреков=soundtracks дабстеп=dubstep драм_н_бейс=drum_and_bass драм_энд_бейс=drum_and_bass
    днб=drum_and_bass рок_н_ролл=rock_and_roll рокнролл=rock_and_roll хеви_метал=heavy_metal
    хэви_метал=heavy_metal дэт_метал=death_metal дет_метал=death_metal блэк_метал=black_metal
    блек_метал=black_metal металкор=metalcore ню_метал=nu_metal поп_панк=pop_punk альт_рок=alt_rock
    панк_рок=punk_rock хард_рок=hard_rock хардрок=hard_rock гаражный_рок=garage_rock рнб=r&b
    ритм_н_блюз=r&b нью_эйдж=new_age джаз_фьюжн=jazz_fusion босса_нова=bossa_nova опера=opera оперу=opera
    кпопа=k-pop рэйв=rave рейв=rave хардстайл=hardstyle

    что_то=something что_нибудь=something чего_нибудь=something че_нибудь=something чё_нибудь=something
    что_то_типа=something_like что_то_вроде=something_like что_то_похожее_на=something_similar_to
    какую_нибудь=some какой_нибудь=some какие_нибудь=some какое_нибудь=some какую_то=some какие_то=some
    что_нить=something чтото=something чтонибудь=something
    похоже_на=similar_to похожее_на=similar_to похожие_на=similar_to похожая_на=similar_to
    похожую_на=similar_to похожих_на=similar_to похожее=similar похожие=similar похожих=similar похож=similar
    типа=like как=like как_у=like вроде=like наподобие=like в_стиле=in_the_style_of в_духе=in_the_style_of
    а_ля=like уровня=like

    и=and или=or с=with со=with без=without но=but а=and не=not ни=no нет=no никакого=no никакой=no
    никаких=no только=only только_не=not тока=only тока_не=not токо=only их_самих=them не_их_самих=not_them
    его_самого=him кроме=except но_без=but_without но_не=but_not без_слов=without_lyrics
    без_вокала=without_vocals без_текста=without_lyrics с_вокалом=with_vocals с_женским_вокалом=female_vocals
    женский_вокал=female_vocals женским_вокалом=female_vocals мужской_вокал=male_vocals вокалом=vocals
    вживую=live живые=live концертные=live

    посоветуй=recommend посоветуйте=recommend порекомендуй=recommend порекомендуйте=recommend
    подскажи=recommend подскажите=recommend накидай=recommend накидайте=recommend скинь=recommend кинь=recommend
    киньте=recommend закинь=recommend
    скиньте=recommend дай=give_me дайте=give_me включи=play включите=play поставь=play поставьте=play
    найди=find найдите=find хочу=i_want хочется=i_want нужно=i_need нужна=i_need нужен=i_need нужны=i_need
    надо=i_need ищу=looking_for мне= меня= нам= плиз=please плз=please пж=please пжлст=please
    пожалуйста=please пожалуйсто=please

    один=one одну=one одна=one одну_песню=one_song два=two две=two пару=a_couple пара=a_couple три=three
    четыре=four пять=five шесть=six семь=seven восемь=eight девять=nine десять=ten десяток=ten
    пятнадцать=fifteen двадцать=twenty штук= штуки=

    годов= года= год= гг= годы= шестидесятых=60s шестидесятые=60s семидесятых=70s семидесятые=70s
    восьмидесятых=80s восьмидесятые=80s девяностых=90s девяностые=90s нулевых=2000s нулевые=2000s
    нулевые_года=2000s десятых=2010s до=before после=after начиная_с=since

    для=for на=for в=in во=in под=for из=from от=from про=about о=about об=about
    перед_сном=before_sleep на_ночь=before_sleep перед=before послушать= слушать= чё=what че=what чо=what
    трени=workout трень=workout треню=workout тренировочки=workout качалово=gym
    медляк=slow_songs медляки=slow_songs медляков=slow_songs акустика=acoustic акустику=acoustic акустики=acoustic
    джазик=jazz джазика=jazz рокешник=rock рэпчик=rap попсовое=pop попсовые=pop попсовых=pop
    для_сна=for_sleep спать=sleep сна=sleep уснуть=sleep засыпать=sleep засыпания=sleep
    учебы=studying учёбы=studying учиться=studying занятий=studying учебу=studying работы=work работать=work
    концентрации=focus фокуса=focus тренировки=workout тренировок=workout тренировку=workout
    качалки=gym качалку=gym качалочки=gym спортзала=gym зала=gym спорта=workout бега=running пробежки=running
    бегать=running в_дорогу=for_a_road_trip дорогу=road_trip дороги=road_trip дорога=road_trip
    в_машину=for_driving машину=driving машины=driving
    машине=driving поездки=road_trip поездку=road_trip путешествия=road_trip в_путешествие=for_a_road_trip
    путешествие=road_trip
    вечеринку=party вечеринки=party вечеринка=party тусовки=party тусовку=party тусы=party тусу=party
    туса=party пати=party танцев=dance танцевать=dance медитации=meditation медитаций=meditation йоги=yoga
    готовки=cooking готовить=cooking уборки=cleaning уборку=cleaning на_свидание=for_date_night
    для_свидания=for_date_night свидания=date_night свидание=date_night
    дождь=rainy дождя=rainy дождик=rainy ночь=night ночи=night ночью=at_night утро=morning утра=morning
    утром=morning вечер=evening вечера=evening вечером=evening лето=summer лета=summer летом=summer
    осень=autumn осени=autumn осенью=autumn зима=winter зимы=winter зимой=winter весна=spring весны=spring
    любовь=love любви=love о_любви=about_love расставание=breakup расставания=breakup расставанием=breakup
    грусть=sad тоска=sad тоски=sad грустно=sad печаль=sad депрессия=depressing
    поплакать=to_cry_to плакать=to_cry_to отдыха=relaxing отдохнуть=relaxing релакс=relaxing
    релакса=relaxing расслабиться=relaxing чилл=chill чил=chill чилить=chill чиллить=chill чилла=chill
    вайб=vibe вайбы=vibes вайбовое=vibe вайбовые=vibes настроение= настроения= под_настроение=
    день_рождения=birthday днюха=birthday днюху=birthday свадьба=wedding свадьбы=wedding свадьбу=wedding
    новый_год=christmas нового_года=christmas рождество=christmas праздник=party праздника=party
    игры=gaming игр=gaming гейминга=gaming катки=gaming

    повеселее=happier веселее=happier погрустнее=sadder грустнее=sadder поспокойнее=calmer спокойнее=calmer
    потише=calmer тише=calmer помягче=softer мягче=softer потяжелее=heavier тяжелее=heavier пожестче=heavier
    жестче=heavier побыстрее=faster быстрее=faster помедленнее=slower медленнее=slower поновее=newer
    постарее=older поэнергичнее=more_energetic энергичнее=more_energetic потанцевальнее=more_danceable
    подинамичнее=more_energetic поживее=more_energetic помрачнее=darker мрачнее=darker потемнее=darker
    понеизвестнее=more_obscure менее_известное=less_known менее_известные=less_known
    из_фильмов=from_movies из_кино=from_movies из_игр=for_gaming для_игр=for_gaming

    старые_добрые=good_old добрые=good добрый=good доброе=good на_английском=in_english
    на_английском_языке=in_english
    на_русском=in_russian на_русском_языке=in_russian на_немецком=in_german на_французском=in_french
    на_испанском=in_spanish на_итальянском=in_italian на_японском=in_japanese на_корейском=in_korean
    изучения_языка=learning изучения=learning изучать=learning языка=language язык=language
    саксофон=saxophone саксофоном=saxophone саксофона=saxophone гитара=guitar гитарой=guitar гитары=guitar
    гитарная=guitar гитарные=guitar пианино=piano фортепиано=piano скрипка=violin скрипкой=violin
    скрипки=violin виолончель=cello барабаны=drums
    клубняк=club_music клубняка=club_music офис=office офиса=office офисе=office фон=background
    фона=background фоном=background на_фон=for_background

    что=what друзья=friends друзьями=friends друзей=friends с_друзьями=with_friends кардио=cardio
    баллады=ballads баллада=ballad балладу=ballad баллад=ballads колыбельные=lullabies колыбельная=lullaby
    колыбельную=lullaby ребенка=kids ребёнка=kids детей=kids дети=kids детского=kids детские=kids детская=kids
    детских=kids фильм=movie фильма=movie фильмов=movies фильмах=movies фильмы=movies море=beach
    моря=beach на_море=to_the_beach пляж=beach пляжа=beach синти_поп=synthpop синтипоп=synthpop
    прогулки=walk прогулка=walk прогулку=walk гулять=walk парк=park парку=park парке=park по=in ужин=dinner
    ужина=dinner ужином=dinner при_свечах=candlelit караоке=karaoke

    мой=my моя=my мои=my моих=my моего=my моей=my твой=your твоя=your твои=your наш=our наша=our
    который=that которая=that которые=that чтобы=that чтоб=that это=this эту=this этот=this эти=these
    такое=such такие=such такой=such такую=such чего=something чем=than еще=more ещё=more больше=more
    побольше=more поменьше=less меньше=less очень=very самые=the_most самое=the_most самый=the_most
    всех_времен=of_all_time всех_времён=of_all_time всего=all все=all всё=all любые=any любое=any
    сейчас=now щас=now новинки=new_releases новинок=new_releases новое=new новые=new новенькое=new
    классные=good классное=good классную=good норм=good нормальные=good топ=top топовые=top топовых=top
    лучшее=best лучшие=best мейнстрим=mainstream андерграунд=underground андеграунд=underground
    малоизвестное=lesser_known неизвестное=unknown чтобы_никто_не_знал=lesser_known
    """
)

_DECADE = re.compile(r"(?<![\w-])((?:1[89]|20)?\d0)\s*-?\s*(?:х|е|ых|ые|ый|ом)(?![\w])")
"""'80-х', '80-е', '80х', '2000-х', '1990-е': the decade as the scan writes it ('80s')."""
_SINCE = re.compile(r"(?i)(?<![\w])с\s+((?:19|20)\d\d)(?!\d)")
"""'с 2010 года': since 2010 ('с' is also 'with')."""
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


_PIECES = re.compile(r"(?i)(?<![\w])(?:штук(?:и)?\s+(\d+)|(\d+)\s+штук(?:и)?)(?![\w])")
"""'штук 15', '15 штук' (fifteen of them): how many songs."""


def segment(text: str) -> str:
    """`text` with Russian decades as the scan writes them ('рок 80-х' -> 'рок 80s') and counts said in pieces
    ('штук 15' -> '15 songs'); a request without Cyrillic letters is returned as it is."""
    if not _CYRILLIC.search(text):
        return text
    text = _PIECES.sub(lambda m: f"{m.group(1) or m.group(2)} songs", text)
    return _SINCE.sub(r"since \1", _DECADE.sub(r"\1s", text))


LANGUAGE = Language(
    code="ru",
    phrases={**_ADJECTIVES, **_WORDS},
    joins=words("и или"),
    possessive=words("песни песен песню трек треки треков хиты хитов альбомы альбом альбома лучшие_песни"),
    segment=segment,
)
