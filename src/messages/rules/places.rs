//! `facts::validate::places`.

crate::messages! {
    fn nowhere_in_japan() {
        ja: "国内のどこかが書かれていません",
        en: "where in Japan is not written",
    }
    fn nowhere_in_japan_hint() {
        ja: "prefecture（都道府県、例: 東京都）か region_id（事業者のリージョンID、例: ap-northeast-1）を書いてください",
        en: "write prefecture (e.g. 東京都) or region_id (the provider's region ID, e.g. ap-northeast-1)",
    }
    fn write_jp(country: &str) {
        ja: "国「{country}」は JP と書きます",
        en: "write the country 「{country}」 as JP",
    }
    fn write_jp_hint() {
        ja: "国は ISO 3166-1 の半角大文字2文字で書きます。日本は JP です",
        en: "a country is its ISO 3166-1 code in two half-width capitals; Japan is JP",
    }
    fn outside_japan(country: &str) {
        ja: "国「{country}」は日本国外です。本市の情報（複製を含む）は日本国内に置く必要があります",
        en: "the country 「{country}」 is outside Japan. The city's information (copies included) must be kept in Japan",
    }
    fn outside_japan_hint() {
        ja: "別表 PHY-02 は、情報資産を置く場所が日本の法令の及ぶ国内であることを求めます。国内の場所に移すか、その事業者に本市の情報を置かせないでください",
        en: "row PHY-02 asks that information assets be kept in Japan, under Japanese law. Move them to a place in Japan, or keep the city's information away from that company",
    }
    fn meant_prefecture(prefecture: &str) {
        ja: "「{prefecture}」のことですか？ 都道府県名は「都」「道」「府」「県」まで書きます",
        en: "did you mean 「{prefecture}」? A prefecture's name ends in 都, 道, 府 or 県",
    }
    fn prefecture_hint() {
        ja: "47都道府県の名前（例: 東京都、大阪府、北海道）を書いてください。市区町村やデータセンター名は書きません",
        en: "write one of the 47 prefectures (e.g. 東京都, 大阪府, 北海道), not a city or a data centre",
    }
    fn not_a_prefecture(prefecture: &str) {
        ja: "「{prefecture}」は都道府県の名前ではありません",
        en: "「{prefecture}」 is not the name of a prefecture",
    }
}
