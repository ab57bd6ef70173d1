"""Italian request words, read as the English the scan knows ('canzoni tristi anni 80 senza rap' -> 'songs sad 80s
without rap'). Adjectives take '*' (o/a/i/e). Requests only: the interface has no Italian catalog yet."""

from segue.engine.query.lang._core import Language, table, words

_ADJECTIVES = table(
    """
    tranquill*=calm calm*=calm rilassat*=relaxed allegr*=happy romantic*=romantic energic*=energetic lent*=slow
    veloc*=fast acustic*=acoustic malinconic*=melancholic nostalgic*=nostalgic cup*=dark aggressiv*=aggressive
    arrabbiat*=angry ballabil*=danceable sconosciut*=unknown poco_conosciut*=lesser_known nuov*=new
    vecchi*=old famos*=famous classic*=classical elettronic*=electronic italian*=italian frances*=french
    tedesc*=german spagnol*=spanish brasilian*=brazilian
    """,
    ("o", "a", "i", "e"),
)

_WORDS = table(
    """
    l_estate=summer d_estate=summer estate=summer estiva=summer estive=summer
    romantiche=romantic malinconiche=melancholic nostalgiche=nostalgic acustiche=acoustic elettroniche=electronic
    classiche=classical energiche=energetic
    canzoni_brevi=short_songs canzoni_corte=short_songs canzoni_lunghe=long_songs brani_brevi=short_tracks
    brani_corti=short_tracks brani_lunghi=long_tracks
    musica=music canzone=song canzoni=songs brani=tracks brano=track pezzi=songs pezzo=song band=band
    gruppi=bands artisti=artists playlist=playlist

    il=the lo=the la=the i=the gli=the le=the un=a una=a uno=a qualche=some qualcosa=something
    di=of del=of_the della=of_the dei=of_the degli=of_the delle=of_the e=and o=or con=with per=for
    senza=without ma=but ma_senza=but_without ma_non=but_not non=not niente=no tranne=except
    piu=more più=more molto=very come=like qualcosa_come=something_like simile_a=similar_to simili_a=similar_to
    come_quelle_di=like come_quelli_di=like come_quella_di=like come_quello_di=like
    tipo=like nello_stile_di=in_the_style_of stile=style

    dammi=give_me metti=play suona=play consigliami=recommend_me voglio=i_want per_favore=please
    mi_consigli=recommend_me consigli=recommend

    due=two tre=three quattro=four cinque=five sei=six sette=seven otto=eight nove=nine dieci=ten

    anni=  degli_anni=of_the prima_del=before prima_di=before dopo_il=after dopo_di=after dal=since
    fino_al=until tra=between sessanta=sixties settanta=seventies ottanta=eighties novanta=nineties

    triste=sad tristi=sad felice=happy felici=happy rilassante=relaxing rilassanti=relaxing amore=love
    d_amore=love rabbia=rage senza_parole=without_lyrics dal_vivo=live dormire=sleep per_dormire=for_sleep
    allenamento=workout allenarsi=workout palestra=gym correre=running studiare=studying
    concentrazione=focus lavorare=work ballare=dance festa=party guidare=driving viaggio=road_trip
    cucinare=cooking cena=dinner pioggia=rainy estate=summer spiaggia=beach mattina=morning

    musica_classica=classical musica_elettronica=electronic_music cantautori=cantautori
    cantautore=singer_songwriter musica_italiana=italian

    successi=hits classici=classics novita=new_releases novità=new_releases
        natale=christmas natalizie=christmas
    mio=my mia=my miei=my mie=my tuo=your tua=your nostro=our nostra=our io=i compleanno=birthday casa=home
    pulire_casa=cleaning_the_house pulizie=cleaning
    mi_piace=i_like mi_piacciono=i_like adoro=i_love se_ti_piace=if_you_like
    che=that che_non_sia=not tutto_tranne=anything_but il_meglio_di=the_best_of migliore=best migliori=best
    lavoro=work viaggiare=road_trip viaggio=road_trip sottofondo=background macchina=car epica=anthemic
"""
)

LANGUAGE = Language(
    code="it",
    by_words=words("di de"),
    phrases={**_ADJECTIVES, **_WORDS},
    weak=words("i e o il la le lo con come per band playlist tipo stile estate tra"),
    decade_leads=words("anni degli_anni gli_anni"),
    unwritten="áúãõñçâêô",
)
