//! `facts::validate::values`.

crate::messages! {
    fn municipality_unknown(city: &str) {
        ja: "「{city}」が市・町・村・区・都・道・府・県のどれか、名前から判断できません",
        en: "whether 「{city}」 is a city, town, village, ward or prefecture (市・町・村・区・都・道・府・県) cannot be told from its name",
    }
    fn municipality_hint() {
        ja: "自治体名を「〇〇市」のように書くか、submission.municipality に shi（市）、cho（町）、son（村）、ku（区）、to（都）、do（道）、fu（府）、ken（県）のいずれかを書いてください",
        en: "write the name as 「〇〇市」, or set submission.municipality to one of shi (市), cho (町), son (村), ku (区), to (都), do (道), fu (府), ken (県)",
    }
    fn municipality_differs(city: &str, stated: char, named: char) {
        ja: "submission.municipality は{stated}ですが、「{city}」は名前から{named}と読めます。書類は本{stated}・{stated}長と書きます",
        en: "submission.municipality says {stated}, but 「{city}」 reads as a {named} by its name; the documents will say 本{stated} and {stated}長",
    }
    fn municipality_differs_hint(named: char) {
        ja: "どちらかを直してください（名前のとおり{named}なら municipality を消すか、{named}に合う値にしてください）",
        en: "correct one of them (if it is a {named} as its name says, remove municipality or give the value for {named})",
    }
    fn folder_name(what: &str, reason: &str) {
        ja: "{what} は出力フォルダ名に使えません: {reason}",
        en: "{what} cannot name an output folder: {reason}",
    }
    fn folder_name_hint() {
        ja: "英小文字・数字・ハイフン・下線（1〜64文字）で書いてください（例: aomine-cloud）",
        en: "use lower-case letters, digits, hyphens and underscores (1 to 64 characters), e.g. aomine-cloud",
    }
    fn email(email: &str) {
        ja: "「{email}」は電子メールアドレスの形になっていません",
        en: "「{email}」 is not shaped like an e-mail address",
    }
    fn email_hint() {
        ja: "半角で「名前@ドメイン」の形に書いてください（例: koukyou@example.co.jp）",
        en: "write it in half-width characters as name@domain (e.g. koukyou@example.co.jp)",
    }
    fn url(url: &str) {
        ja: "URL「{url}」の形が正しくありません",
        en: "the URL 「{url}」 is malformed",
    }
    fn url_hint() {
        ja: "「https://」に続けてドメイン名とパスを半角で書いてください（例: https://www.example.co.jp/security/policy）",
        en: "write https:// followed by the domain name and path in half-width characters (e.g. https://www.example.co.jp/security/policy)",
    }
    fn revised_before_established(revised: &dyn std::fmt::Display, established: &dyn std::fmt::Display) {
        ja: "最終改定日 {revised} が制定日 {established} より前です",
        en: "the last revision, {revised}, is before the policy was established, {established}",
    }
    fn established() {
        ja: "制定日",
        en: "established",
    }
    fn revised_hint() {
        ja: "制定日と最終改定日を確かめてください。改定していなければ revised を削除します",
        en: "check both dates. If the policy was never revised, remove revised",
    }
    fn after_submission(value: &dyn std::fmt::Display, date: &dyn std::fmt::Display) {
        ja: "{value} は提出日 {date} より後の日付です",
        en: "{value} is after the submission date, {date}",
    }
    fn submission_date() {
        ja: "提出日",
        en: "submission date",
    }
    fn after_submission_hint() {
        ja: "既に済んだことの日付を書きます。日付の誤りか、提出日（submission.date）の誤りです",
        en: "this is the date of something already done: either it or the submission date (submission.date) is wrong",
    }
}
