"""Vietnamese request words as members type them, with or without their tone marks and in teen code ('cho mình
xin vài bài nhạc buồn', 'nhac chill ko loi de hoc bai', 'rock thập niên 80', 'nhạc pop ko có rap nha'), read as the
English the scan knows. Vietnamese does not inflect: a word is one or more syllables written apart ('thư giãn',
'chạy bộ'), so the table keys phrases. `normalize_name` folds the tone marks ('buồn' and 'buon' are one key) but not
'đ', so the table is keyed with 'd' too (`unmarked`). Many syllables typed bare are English or another language's
words ('de', 'to', 'an', 'hai', 'ba'): those are `weak`, and the one-syllable ones that are words elsewhere are read
only inside a phrase. A decade is 'thập niên 80' or 'những năm 90'; `segment` writes a generation ('8x') as '80s'
and '2h sáng' as '2am'."""

from __future__ import annotations

import re

from segue.engine.query.lang._core import Language, table, unmarked, words

__all__ = ["LANGUAGE", "segment"]

_WORDS = table(
    """
    nhạc=music bài=songs bài_hát=songs bài_nhạc=songs mấy_bài=some_songs
    vài_bài=a_few_songs những_bài=songs ca_khúc=songs bản_nhạc=songs bản=songs list_nhạc=playlist
    ca_sĩ=singer ca_sĩ_nữ=female_singers ca_sĩ_nam=male_singers ban_nhạc=band nhóm_nhạc=group giọng_nữ=female_vocals
    giọng_nam=male_vocals

    buồn=sad u_buồn=melancholic buồn_buồn=sad tâm_trạng=sad sâu_lắng=melancholic da_diết=melancholic
    thất_tình=heartbreak chia_tay=breakup cô_đơn=lonely khóc=to_cry_to để_khóc=to_cry_to vui=happy vui_vẻ=happy
    vui_tươi=happy tươi_vui=happy yêu_đời=happy tích_cực=positive năng_lượng=energetic sôi_động=upbeat
    máu=hype máu_lửa=hype cháy=hype căng=intense cực_căng=intense mạnh=heavy mạnh_mạnh=heavy đập_mạnh=hard_hitting
    quẩy=party quẩy_cực_căng=party chill=chill chill_chill=chill thư_giãn=relaxing nhẹ_nhàng=gentle nhẹ=soft
    êm=soft êm_dịu=soothing êm_đềm=calm bình_yên=calm yên_bình=calm yên_tĩnh=quiet lãng_mạn=romantic
    tình_cảm=romantic tình_yêu=love yêu=love về_tình_yêu=about_love giận=angry tức_giận=angry bực=angry
    bực_mình=angry cay=angry đang_cay=angry ồn_ào=loud nhạc_to=loud_music nhanh=fast nhạc_nhanh=fast_music
    chậm=slow nhạc_chậm=slow_music chầm_chậm=slow hoài_niệm=nostalgic kỷ_niệm=nostalgic tối_tăm=dark u_ám=dark
    rùng_rợn=creepy ma_mị=eerie hay_hay=good hay_nhất=best nhạc_hay=good_music đỉnh=great đỉnh_cao=great xịn=good
    chất=good
    không_lời=without_lyrics ko_lời=without_lyrics k_lời=without_lyrics hok_lời=without_lyrics
    không_có_lời=without_lyrics ko_có_lời=without_lyrics nhạc_không_lời=instrumental_music
    có_lời=with_vocals acoustic=acoustic mộc=acoustic

    học=studying học_bài=studying để_học=for_studying ôn_thi=studying làm_bài=studying làm_việc=work
    tập_trung=focus ngủ=sleep đi_ngủ=sleep dễ_ngủ=sleep ru_ngủ=lullaby tập_gym=gym tập=workout tập_thể_dục=workout
    chạy_bộ=running chạy=running nấu_ăn=cooking nấu_cơm=cooking lái_xe=driving đi_xe=driving chạy_xe=driving
    phượt=road_trip đi_phượt=road_trip du_lịch=road_trip đi_chơi=road_trip tiệc=party bữa_tiệc=party
    sinh_nhật=birthday đám_cưới=wedding hẹn_hò=date_night cà_phê=coffee cafe=coffee mưa=rainy trời_mưa=rainy
    ngày_mưa=rainy đêm=night đêm_khuya=late_night ban_đêm=at_night khuya=late_night tối_nay=tonight buổi_tối=evening
    buổi_sáng=morning sáng=morning sáng_sớm=morning chơi_game=gaming game=gaming thiền=meditation
    dọn_nhà=cleaning dọn_dẹp=cleaning nhảy=dance để_nhảy=to_dance_to tắm=shower nghe_vs_ny=with_my_partner
    người_yêu=my_partner ny=my_partner crush=crush bạn_bè=friends

    giống=like giống_như=like như=like kiểu=like kiểu_như=like tương_tự=similar_to na_ná=similar_to
    phong_cách=in_the_style_of

    để=for lúc=at khi=while trong=during ở=at về=about gì= j=

    và=and với=with vs=with hoặc=or hay=or hay_là=or nhưng=but nhưng_mà=but nma=but mà=but không=no ko=no
    hok=no khum=no không_có=without ko_có=without k_có=without đừng=no đừng_có=no trừ=except ngoại_trừ=except
    ngoài=except không_phải=not ko_phải=not k_phải=not không_phải_của=not_by ko_phải_của=not_by của=by chỉ=only
    thôi=only bớt=less ít=less thêm=more nữa= hơn=more nhất=the_most cực=very rất=very quá=very lắm=very vl=very
    vcl=very hơi=a_bit cũng_được=anything gì_cũng_được=anything j_cũng_được=anything gì_cũng_dc=anything
    j_cũng_dc=anything j_cung_dc=anything nào_cũng_được=anything càng=more càng_tốt=the_better

    gợi_ý=recommend đề_xuất=recommend recommend=recommend rcm=recommend cho_mình=give_me cho_tôi=give_me
    cho_em=give_me cho_tui=give_me cho_t=give_me cho_mình_xin=give_me cho_em_xin=give_me xin=give_me
    cho=give_me bật=play mở=play tìm=find kiếm=find tìm_giúp=find muốn=i_want cần=i_need nghe=
    đi= nha= nhé= nhe= ạ= ak= á= ấy= ý= nào= với_ạ= giúp= giùm= mọi_người= mn= ae= anh_em= bạn= mình=
    tui= tôi= em= đang= đc= dc= được= thế= vậy= z= v=

    một=one hai=two ba=three bốn=four năm=five bảy=seven tám=eight chín=nine mười=ten vài=a_few
    mấy=a_few

    thập_niên= những_năm= sau=after sau_năm=after trước=before trước_năm=before từ=since từ_năm=since
    đời_đầu=early

    ít_người_biết=lesser_known ít_ai_biết=lesser_known không_nổi_tiếng=lesser_known underground=underground
    nổi_tiếng=famous hot=popular thịnh_hành=trending xu_hướng=trending mới=new mới_nhất=newest nhạc_mới=new_music
    cũ=old xưa=old nhạc_xưa=oldies ngày_xưa=old

    việt=vietnamese việt_nam=vietnamese nhạc_việt=vietnamese_music nhạc_trẻ=pop vpop=pop v_pop=pop
    nhạc_trịnh=soft_acoustic vinahouse=edm
    âu_mỹ=english us_uk=english nhạc_us_uk=english_songs hàn=korean hàn_quốc=korean nhật=japanese
    nhật_bản=japanese trung=chinese trung_quốc=chinese hoa=chinese điện_tử=electronic nhạc_điện_tử=electronic
    cổ_điển=classical nhạc_cổ_điển=classical nhạc_phim=soundtrack nhạc_vàng=bolero bolero=bolero
    nhạc_đỏ=revolutionary nhạc_dance=dance_music đàn=instrument guitar=guitar piano=piano sáo=flute
    """
)

_GENERATION = re.compile(r"(?i)(?<![\w])([5-9])x(?![\w])")
"""'nhạc 8x 9x': the music of the 80s' and 90s' generations, read as those decades."""
_HOUR = re.compile(r"(?i)(?<![\w])(\d{1,2})\s*h\s+(sáng|sang|đêm|dem|tối|toi|chiều|chieu)(?![\w])")
"""'lúc 2h sáng': 2am (the scan knows '2am'); evening and night hours as pm."""
_COUNTED = re.compile(r"(?i)(?<![\w])(\d{1,2})\s+bai(?![\w])")
"""'3 bai jazz': songs counted, typed without the tone mark that tells them from the Hinglish 'bai' (brother)."""
_VIETNAMESE = re.compile(r"(?i)\b(?:nh[aạ]c|b[aà]i|thập|thap|những|nhung)\b")


def _hour(match: re.Match[str]) -> str:
    hour, part = int(match.group(1)), match.group(2).lower()
    return f"{hour}am" if part in ("sáng", "sang") or hour < 5 else f"{hour % 12 or 12}pm"


def segment(text: str) -> str:
    """`text` with a generation's decades and the hours as the scan writes them ('nhạc 8x' -> 'nhạc 80s', 'lúc 2h
    sáng' -> 'lúc 2am'); a request without a Vietnamese word for music, songs or decades is returned as it is."""
    if not _VIETNAMESE.search(text):
        return text
    text = _COUNTED.sub(r"\1 bài", _GENERATION.sub(r"\g<1>0s", text))
    return _HOUR.sub(_hour, text)


LANGUAGE = Language(
    code="vi",
    phrases=unmarked(_WORDS, {"đ": "d"}),
    weak=words(
        "hay to an de di ba hai nam sau bon tam me em anh ban la co cho v z k ko ak a y game cafe acoustic chill hot "
        "crush "
        "recommend underground guitar piano bolero mua ma sang toi tap dan nho hoa trung nhat han mo bat xin can "
        "nhe nha vs cay chat mai moi cu nghe hoc ngu ngoai tu the vay dang ny vl dc va voi thoi chi it thanh ae ay "
        "bay bot dem may mau o qua sao them tim ve mot hon lam moc nhu cua gi dung rat chin gian manh dinh luc khi "
        "nua muon tui vai tru cang quay chay minh hoi j mn"
    ),
    letters="ăâđêôơưàảãạằẳẵặấầẩẫậèẻẽẹếềểễệìỉĩịòỏõọốồổỗộớờởỡợùủũụứừửữựỳỷỹỵ",
    decade_leads=words("thập_niên những_năm"),
    joins=words("và hoặc"),
    segment=segment,
)
