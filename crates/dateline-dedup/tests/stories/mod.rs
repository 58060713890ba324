//! Invented news stories and the edits syndication makes to them, for the dedup tests.
#![allow(dead_code)]

/// A local-government story (invented town, people and figures), one paragraph per line.
pub const FERRY: &str = "\
Saltmere councillors voted on Tuesday evening to turn the empty ferry terminal on the quay into a public library and study centre, ending a decade of argument over the future of the building.
The terminal has stood empty since the last crossing to Farrow Island was cancelled in 2013, when the operator said the route had lost money for six years in a row.
Council leader Maren Oduya said the decision was the most popular the council had taken in her time, pointing to more than four hundred written replies to the public consultation held over the summer.
The plan keeps the glass waiting hall, which will become a reading room facing the harbour, and replaces the ticket office with a children's library and a small exhibition about the island ferries.
Work is due to start in the spring and should take about eighteen months. The cost, estimated at 3.2 million pounds, will be met from a heritage grant and from the sale of the old library building on Chapel Street.
Opposition councillor Fen Dallow voted against, arguing that the quay was too exposed in winter and that older readers would struggle with the walk from the bus station along the sea wall.
Residents who packed the public gallery applauded when the vote was announced. Several said they had learned to read in the Chapel Street library and hoped their grandchildren would do the same by the water.
The harbour master confirmed that the slipway beside the terminal will stay open for fishing boats and that the new library will share its car park with the lifeboat station.
A design competition for the interior will open next month, and the council has asked schools in the district to put forward ideas for the children's section.";

/// A science story on a different subject (invented institute and researchers).
pub const GLACIER: &str = "\
Researchers at the Northfell Institute have measured the fastest retreat yet recorded for the Varden glacier, which lost almost ninety metres of its front edge during the last melt season.
The team used a ring of time-lapse cameras and a drone survey repeated every fortnight to follow the ice, which feeds the river that supplies drinking water to three valley towns.
Lead author Ilse Marrow said the loss was driven less by air temperature than by warm rain falling on the glacier in late summer, a pattern that has become more common over the past decade.
Rain carries heat deep into cracks in the ice and lubricates the base of the glacier, she explained, so that the whole tongue slides faster and breaks apart where it meets the lake below.
The valley authority has begun planning a second reservoir higher up the river in case summer flows become less reliable as the glacier shrinks back into its basin.
Farmers downstream told the researchers that the river had turned milky grey for weeks at a time, a sign of the fine rock flour the melting ice grinds from the mountain.
The institute will keep its cameras running through the winter to find out whether the glacier front freezes in place or continues to calve into the lake during the cold months.
The findings were presented at a meeting of mountain hydrologists and will be published in full next year together with the raw camera images.";

/// A sports story (invented club and players).
pub const ROWING: &str = "\
The Kestrel Bay rowing club won the coastal eights championship on Saturday after a race decided in the last two hundred metres, beating the holders from Harrowmouth by less than a second.
Rough water at the start forced two crews to stop and bail out their boats, and the umpires briefly considered moving the finish line inside the harbour wall.
Kestrel Bay stroke Tamsin Greave said the crew had trained all winter in worse conditions and felt at home once the swell picked up off the point.
Harrowmouth led for most of the course and were still half a length clear at the last buoy, but their cox was caught by a wave that pushed the boat wide of the line.
The club, founded by fishermen in 1908, last won the title before the Second World War. Its boathouse was rebuilt by volunteers five years ago after a storm destroyed the old one.
Hundreds of supporters lined the sea front, and the winning crew were carried from the water to the steps of the club to receive the silver cup from the mayor.";

/// A short invented story in Chinese (no spaces between words), one paragraph per line.
pub const LIBRARY_ZH: &str = "\
海湾镇议会周二晚间投票决定，把码头上空置多年的渡轮码头大楼改建为公共图书馆和自习中心，结束了长达十年的争论。
自从二零一三年最后一班开往法罗岛的渡轮停航以来，这座大楼一直无人使用。议会领导人表示，这是她任内最受欢迎的决定之一。
改建计划保留面向港湾的玻璃候船大厅，将其改为阅览室，售票处则改为儿童图书馆和一个关于海岛渡轮历史的小型展览。
工程预计明年春天开工，大约需要十八个月。费用将由文化遗产基金和出售旧图书馆大楼所得支付。";

/// Site chrome a sloppy extraction leaves on every page of one template.
pub const BOILERPLATE: &str = "\
Sign up for the Harbour Courier morning briefing to get the stories that matter in your area delivered to your inbox every day before eight, together with weather, tide times, road closures and the latest from local sport. You can unsubscribe at any time by following the link at the bottom of every email we send, and we never share your address with anyone else.";

/// `text` with every `n`th word replaced by an invented one (about `100 / n` percent edited).
pub fn change_every_nth_word(text: &str, n: usize) -> String {
    text.split(' ')
        .enumerate()
        .map(|(i, w)| if i % n == n - 1 { "reportedly" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first `percent` of the words of `text`.
pub fn cut_to_percent(text: &str, percent: usize) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    words[..words.len() * percent / 100].join(" ")
}

/// All paragraphs but the last.
pub fn drop_last_paragraph(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[..lines.len() - 1].join("\n")
}
