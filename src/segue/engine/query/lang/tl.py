"""Tagalog request words, read as the English the scan knows ('pa-recommend naman ng mga kanta na parang sb19' ->
'recommend songs like sb19'); most Filipino members write Taglish, whose English words stay as typed. Requests only:
the interface has no Tagalog catalog yet."""

from segue.engine.query.lang._core import Language, table, words

_WORDS = table(
    """
    pa_recommend=recommend pa_recommend_naman=recommend pwede_pa_recommend=recommend recommend_naman=recommend
    patugtog=play patugtugin=play i_recommend_mo=recommend_me
    ano_magandang_pakinggan=what_should_i_listen_to ano_pwedeng_pakinggan=what_should_i_listen_to
    ano_maganda=what_is_good anong_magandang_kanta=what_should_i_listen_to

    kanta_ng=songs_by mga_kanta_ng=songs_by kanta_ni=songs_by mga_kanta_ni=songs_by
    kanta=songs mga_kanta=songs kantang=songs awit=songs awitin=songs musika=music tugtog=music tugtugin=music
    banda=band mga_banda=bands

    naman= nga= po= yung= iyong= ung= ang= ng= mga= na= ay= sana= lang= lamang= basta= okay_na= ok_na= talaga=
    ngayon= rin= din= pa= kasi= kaya= ba= eh= diba= oh_diba=
    parang=like katulad_ng=like katulad_ni=like kagaya_ng=like kagaya_ni=like gaya_ng=like tulad_ng=like
    tulad_ni=like kay=to sino=who sa=in para_sa=for pang=for pampa=for at=and o=or pero=but tapos=then
    gusto_ko=i_want gusto_ko_ng=i_want gusto=want ayoko=no ayoko_ng=no ayaw_ko=no ayaw_ko_ng=no hindi=not
    wag=no huwag=no walang=without maliban_sa=except kahit_ano=anything kahit_anong=any
    mas=more sobrang=very medyo=kind_of hindi_masyadong=not_too

    malungkot=sad nakakalungkot=sad nakakaiyak=sad iyak=cry pang_iyak=to_cry_to umiyak=cry hugot=heartbreak
    sawi=heartbreak masaya=happy nakakasaya=happy kilig=romantic nakakakilig=romantic
    malakas=loud maingay=loud tahimik=quiet kalmado=calm
    sigaw=angry pang_sigaw=angry sayaw=dance pang_sayaw=to_dance_to tulog=sleep pampatulog=sleep
    pang_tulog=sleep aral=study pag_aaral=studying pang_aral=for_studying trabaho=work kotse=car biyahe=road_trip
    byahe=road_trip ulan=rain tag_ulan=rainy umuulan=rainy umaga=morning gabi=night hatinggabi=midnight
    tag_init=summer tagulan=rainy pasko=christmas kasal=wedding inuman=party

    maganda=good magandang=good luma=old lumang=old bago=new bagong=new sikat=popular kilala=famous
    hindi_kilala=lesser_known di_kilala=lesser_known hindi_mainstream=underground

    isa=one dalawa=two tatlo=three apat=four lima=five anim=six pito=seven walo=eight siyam=nine sampu=ten
    dekada=decade
    """
)

LANGUAGE = Language(
    code="tl",
    phrases=_WORDS,
    weak=words("na sa at o kay lang pa ang para pero pang banda ba din rin kasi eh talaga isa yung ung hindi"),
    joins=words("at o"),
    decade_leads=words("dekada"),
)
