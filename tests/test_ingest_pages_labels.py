"""Field labels in other languages: a page labelled in Chinese, Japanese, Korean, French, German,
Spanish or Portuguese gives its talks as an English one does."""

from __future__ import annotations

from kg.ingest.pages.entries import label_field, label_of, read, speakers_of
from kg.ingest.pages.pipeline import extract_file


def _talks(tmp_path, text: str) -> list[tuple[list[str], str | None]]:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return [([s.name for s in t.speakers], t.title) for t in extract_file(page).talks]


def test_a_chinese_programme_labelled_with_full_width_colons(tmp_path):
    page = ("# 第十九期机器学习沙龙\n\n时间：8月11日 下午 14:00-16:20<br />地点：杭州创意谷会议室\n\n"
            "14:00-14:40<br />分享人：魏祖昌<br />主题：交通量预测的算法<br />论文: Deep Prediction\n\n"
            "14:50-15:30<br />分享人：沈弢<br />主题：Lookahead 最优化方法<br />论文：Lookahead Optimizer\n")
    assert _talks(tmp_path, page) == [(["魏祖昌"], "交通量预测的算法"), (["沈弢"], "Lookahead 最优化方法")]


def test_a_japanese_announcement_with_an_honorific_and_a_full_width_bracket():
    fields = read("題目： 機械学習のセミナー\n講演者： 山田 太郎先生（統計数理研究所）\n"
                  "日時： 2021年2月26日（金）10:00-12:00")
    assert [(p.name, p.affiliation) for p in fields.speakers] == [("山田 太郎", "統計数理研究所")]
    assert fields.title == "機械学習のセミナー" and fields.date is not None and fields.date.day == 26
    assert label_of("講師： 飯塚 修平 氏") == ("speaker", "飯塚 修平 氏")
    assert [p.name for p in speakers_of("飯塚 修平 氏")] == ["飯塚 修平"]


def test_korean_labels_and_a_label_naming_the_talk_first():
    fields = read("발표자: 김웅희 교수\n발표 제목: 그래프 신경망\n일시: 2022년 9월 3일\n장소: 공학관 101호")
    assert [p.name for p in fields.speakers] == ["김웅희"] and fields.title == "그래프 신경망"
    assert fields.place == "공학관 101호"
    assert label_field("报告题目") == "title" and label_field("報告時間") == "date"
    assert label_field("主讲人简介") == "bio" and label_field("报告") is None


def test_french_german_spanish_and_portuguese_labels_in_their_written_forms():
    assert label_of("Orateur/Oratrice : Ada Lovelace") == ("speaker", "Ada Lovelace")
    assert label_of("Intervenant·e : Ada Lovelace") == ("speaker", "Ada Lovelace")
    assert label_of("Vortragende(r): Ada Lovelace") == ("speaker", "Ada Lovelace")
    assert label_of("Intervenant(e) : Ada Lovelace") == ("speaker", "Ada Lovelace")
    fields = read("Ponente: Ada Lovelace\nTítulo: Máquinas analíticas\nLugar: Aula 3")
    assert [p.name for p in fields.speakers] == ["Ada Lovelace"] and fields.title == "Máquinas analíticas"
    fields = read("Palestrante: Ada Lovelace\nTítulo: Máquinas analíticas\nResumo: Uma história.")
    assert fields.abstract == "Uma história." and fields.speakers
    fields = read("Referent: Ada Lovelace\nTitel: Analytische Maschinen\nOrt: Raum 4")
    assert fields.title == "Analytische Maschinen" and fields.place == "Raum 4"


def test_a_word_that_names_no_field_is_no_label():
    assert label_of("Notes: engines") is None and label_of("Orateur/Engines: x") is None
    assert label_field("王氏") is None and [p.name for p in speakers_of("王氏")] == ["王氏"]
