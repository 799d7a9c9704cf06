//! The facts file as a whole: its format version (`facts::version`) and values left from
//! the examples (`facts::leftovers`).

crate::messages! {
    fn newer_format(version: u64, tool: &str, current: u32) {
        ja: "このファイルは事実ファイルの形式{version}で書かれています。この beppyo（{tool}）が読めるのは形式{current}までです",
        en: "this file is written in facts format {version}; this beppyo ({tool}) reads formats up to {current}",
    }
    fn newer_format_hint(version: u64) {
        ja: "形式{version}に対応した新しい版の beppyo を使ってください",
        en: "use a newer beppyo that reads format {version}",
    }
    fn older_format(current: u32) {
        ja: "このファイルは beppyo 0.1 の事実ファイルの形式（形式1）です。この版の beppyo は形式{current}（先頭に format_version: {current}）を読みます",
        en: "this file is in beppyo 0.1's facts format (format 1); this beppyo reads format {current} (format_version: {current} at the top)",
    }
    fn older_format_hint(file_name: &str, stem: &str, current: u32) {
        ja: "`beppyo migrate {file_name} -o {stem}.v{current}.yaml` で変換し、【要記入】の箇所を記入してから check してください。主な変更点: mfa・connection・network_restriction は access_paths（接続経路ごとの利用者・回線・認証・接続元）に、service.platforms は parties（依存する事業者）に移りました。certifications には保有者（holder）が必要で、SOC 2 は attestations（保証報告書）に書きます。基盤事業者が行う統制は inherited に書きます。sla の数値は項目ごとに保証値か目標値か（commitment）を持ち、RTO・RPO は recovery に障害の想定ごとに「4時間」「15分」のように書きます。exit.deletion の方法は kind・performed_by・evidence で書き、disposal は機器の区分（classes）ごと、data_location の場所は location（country: JP と都道府県）と operator で書きます",
        en: "convert it with `beppyo migrate {file_name} -o {stem}.v{current}.yaml`, fill in the places marked 【要記入】, then check it. The main changes: mfa, connection and network_restriction moved to access_paths (per path: users, line, sign-in, origin); service.platforms moved to parties (the companies the service depends on). certifications need a holder, and SOC 2 goes under attestations. Controls the platform provider performs go under inherited. Each SLA figure states whether it is a guarantee or a target (commitment), and RTO and RPO go under recovery, per failure scenario, written like 「4時間」 or 「15分」. exit.deletion methods have kind, performed_by and evidence; disposal is per class of equipment (classes); data_location places have location (country: JP and the prefecture) and operator",
    }
    fn example_values_left(values: &str, name: &str, vendor: &str) {
        ja: "記入例の値が残っています: {values}（記入例 {name}「{vendor}」）",
        en: "values of the example are still here: {values} (example {name}, 「{vendor}」)",
    }
    fn example_values_left_hint() {
        ja: "記入例は架空の事業者のものです。自社の事実に書き換えてください",
        en: "the example describes a fictitious vendor. Replace them with your company's facts",
    }
}
