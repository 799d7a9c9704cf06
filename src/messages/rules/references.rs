//! `facts::validate::references`.

crate::messages! {
    fn reserved_party_key(key: &str) {
        ja: "{key} は当社・本サービスを指すため、事業者のキーに使えません",
        en: "{key} means the vendor or the service itself, so it cannot be a party's key",
    }
    fn reserved_party_key_hint() {
        ja: "事業者を表す別の英小文字のキーにしてください（例: iaas、mail）",
        en: "use another lower-case key for the company (e.g. iaas, mail)",
    }
    fn bad_party_key(key: &str) {
        ja: "事業者のキー「{key}」に使えない文字があります",
        en: "the party key 「{key}」 has characters a key cannot have",
    }
    fn bad_party_key_hint() {
        ja: "英小文字・数字・ハイフンで書いてください（例: iaas、dc-tokyo）",
        en: "use lower-case letters, digits and hyphens (e.g. iaas, dc-tokyo)",
    }
    fn party_key_twice(key: &str) {
        ja: "事業者のキー {key} が二つの事業者に使われています",
        en: "the party key {key} is used for two companies",
    }
    fn used_first_here() {
        ja: "先に使われている箇所",
        en: "first used here",
    }
    fn party_key_twice_hint() {
        ja: "事業者ごとに別のキーにしてください",
        en: "give each company its own key",
    }
    fn party_expected(value: &str) {
        ja: "ここには他の事業者（parties の key）を書きます。{value} は使えません",
        en: "this names another company (a key of parties); {value} cannot be used here",
    }
    fn party_expected_hint() {
        ja: "当社自身が行う統制なら inherited ではなく各項目に書いてください",
        en: "a control the vendor performs itself is written under its own topic, not under inherited",
    }
    fn allowed_are(words: &str) {
        ja: "書けるのは {words} です",
        en: "allowed here: {words}",
    }
    fn unknown_party(value: &str) {
        ja: "「{value}」という事業者は parties にありません",
        en: "parties has no company 「{value}」",
    }
    fn holder_words() {
        ja: "vendor（当社）、service（本サービス）",
        en: "vendor (the vendor), service (the service)",
    }
    fn actor_words() {
        ja: "vendor（当社）",
        en: "vendor (the vendor)",
    }
    fn no_parties() {
        ja: "parties に書いた事業者のキー（parties は空です）",
        en: "the key of a company under parties (parties is empty)",
    }
    fn party_keys(keys: &str) {
        ja: "parties のキー（{keys}）",
        en: "a key of parties ({keys})",
    }
    fn own_or_parties(own: &str, parties: &str) {
        ja: "{own}又は{parties}",
        en: "{own} or {parties}",
    }
    fn disposal_not_inherited(owner: &str) {
        ja: "事業者 {owner} の機器の廃棄について、inherited の AST-02 に根拠がありません",
        en: "the disposal of {owner}'s equipment has no basis under inherited AST-02",
    }
    fn disposal_not_inherited_hint(owner: &str) {
        ja: "inherited: の AST-02 に party: {owner} の項目を書き、その事業者の廃棄の統制と根拠資料（SOC 2 Type 2 報告書等）を示してください",
        en: "under inherited: AST-02, add an entry with party: {owner} giving that company's disposal controls and their evidence (a SOC 2 Type 2 report…)",
    }
    fn site_not_inherited(operator: &str) {
        ja: "事業者 {operator} が運営する施設の物理的対策について、inherited の PHY-01 に根拠がありません",
        en: "the physical security of the site {operator} runs has no basis under inherited PHY-01",
    }
    fn site_not_inherited_hint(operator: &str) {
        ja: "inherited: の PHY-01 に party: {operator} の項目を書き、その事業者の入退室管理等の統制と根拠資料を示してください",
        en: "under inherited: PHY-01, add an entry with party: {operator} giving that company's entry control and other controls with their evidence",
    }
}
