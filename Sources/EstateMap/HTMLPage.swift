import XMLText

/// A self-contained HTML page around an inline map: layer toggles, hover details, the district
/// table and an in-page error collector. Everything is inline and a Content-Security-Policy
/// forbids any fetch, so the page works offline and cannot leak requests.
struct HTMLPage {
    let title: String
    /// Inline SVG markup (no namespace URL), with marks carrying `data-h` keys into `hover`.
    let svg: String
    /// (group id in the SVG, label) for each layer checkbox.
    let toggles: [(String, String)]
    let hover: HoverData
    let table: MapTable
    /// Warnings shown as a banner above the map (an illustrative dataset, caveats).
    let notices: [String]
    /// (group id in the SVG, label) of layers shown one at a time through a selector (a v2
    /// plan's per-service coverage); none adds no selector and no script for it.
    var choices: [(String, String)] = []
    /// The selector's first entry, which shows the map's own area layer again.
    var baseChoice = "none (need)"
    /// A comparison of options with services: the services that move or are lost by district.
    var serviceTable: MapTable? = nil

    var text: String {
        var page = ""
        page.reserveCapacity(svg.utf8.count + 64 * 1024)
        page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>" + XMLText.escaped(title) + "</title>\n"
        page += "<script>" + Self.errorCollector + "</script>\n"
        page += "<style>" + Self.css + "</style>\n</head>\n<body>\n"
        page += "<nav id=\"controls\" aria-label=\"Layers\"><strong>Layers</strong>"
        for (layer, label) in toggles {
            page += "<label><input type=\"checkbox\" checked data-layer=\"" + XMLText.escaped(layer) + "\"> "
                + XMLText.escaped(label) + "</label>"
        }
        if !choices.isEmpty {
            page += "<label>Service coverage <select id=\"layer-choice\"><option value=\"\">" + XMLText.escaped(baseChoice) + "</option>"
            for (layer, label) in choices {
                page += "<option value=\"" + XMLText.escaped(layer) + "\">" + XMLText.escaped(label) + "</option>"
            }
            page += "</select></label>"
        }
        page += "<span class=\"hint\">Hover over a site or area for details.</span></nav>\n"
        if !notices.isEmpty {
            page += "<div id=\"notices\" role=\"note\">"
                + notices.map { "<p>" + XMLText.escaped($0) + "</p>" }.joined() + "</div>\n"
        }
        page += "<main id=\"map-wrap\">\n" + svg + "</main>\n"
        page += "<div id=\"tooltip\" role=\"tooltip\" hidden></div>\n"
        page += "<section id=\"districts\"><h2>Districts</h2>\n" + Self.tableMarkup(table, id: "district-table") + "</section>\n"
        if let serviceTable {
            page += "<section id=\"service-changes\"><h2>Services by district</h2>\n"
                + (serviceTable.rows.isEmpty ? "<p>Every service is offered at the same buildings in both options.</p>\n"
                    : Self.tableMarkup(serviceTable, id: "service-table"))
                + "</section>\n"
        }
        page += "<pre id=\"page-errors\" hidden></pre>\n"
        page += "<script type=\"application/json\" id=\"hover-data\">" + hover.json() + "</script>\n"
        page += "<script>" + Self.script + "</script>\n"
        if !choices.isEmpty { page += "<script>" + Self.choiceScript + "</script>\n" }
        page += "</body>\n</html>\n"
        return page
    }

    private static func tableMarkup(_ table: MapTable, id: String) -> String {
        var html = "<table id=\"\(id)\" class=\"data-table\">\n<thead><tr>"
        for cell in table.header { html += "<th>" + XMLText.escaped(cell) + "</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for cell in row {
                html += Self.isNumeric(cell) ? "<td class=\"num\">" : "<td>"
                html += XMLText.escaped(cell) + "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// Numbers (with optional £, %, separators, units after a space) align right in the table.
    static func isNumeric(_ cell: String) -> Bool {
        let core = cell.split(separator: " ").first.map(String.init) ?? ""
        let stripped = core.filter { !"£%,+-".contains($0) }
        return !stripped.isEmpty && Double(stripped) != nil
    }

    /// Runs first: records any script error or rejected promise into the page itself, where a
    /// headless browser's DOM dump (and a person) can see it.
    static let errorCollector = """
    window.pageErrors=[];function pageError(m){window.pageErrors.push(String(m));var p=document.getElementById('page-errors');\
    if(p){p.hidden=false;p.textContent=window.pageErrors.join('\\n');}}\
    window.addEventListener('error',function(e){pageError('error: '+e.message);});\
    window.addEventListener('unhandledrejection',function(e){pageError('rejection: '+e.reason);});
    """

    /// On paper the layer checkboxes, the service selector and the hover hint do nothing, so
    /// print hides the whole control bar; the illustrative-data banner (#notices) stays.
    static let css = """
    body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;color:#1e1e1e;background:#fafafa}\
    #controls{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:14px;align-items:center;padding:8px 14px;\
    background:#fff;border-bottom:1px solid #ddd;font-size:14px}#controls label{cursor:pointer}\
    #controls .hint{color:#666;margin-left:auto}\
    #notices{margin:8px 14px;padding:6px 12px;border:2px solid #b30000;background:#fff4f4;color:#b30000;font-weight:600}\
    #notices p{margin:4px 0}\
    #map-wrap{padding:8px}#map-wrap svg{display:block;width:100%;max-width:1240px;height:auto;margin:0 auto;\
    border:1px solid #ddd;background:#fff}\
    [data-h]{cursor:pointer}[data-h]:hover{stroke:#000;stroke-width:1.5}\
    #tooltip{position:fixed;z-index:3;pointer-events:none;background:#fff;border:1px solid #888;border-radius:4px;\
    box-shadow:0 2px 6px rgba(0,0,0,.25);padding:6px 8px;font-size:13px;max-width:340px}\
    #tooltip table{border-collapse:collapse}#tooltip th{text-align:left;padding:1px 8px 1px 0;color:#555;font-weight:400}\
    #tooltip td{padding:1px 0;font-weight:600}#tooltip .tip-title{font-weight:700;margin-bottom:3px}\
    #districts,#service-changes{max-width:1240px;margin:0 auto;padding:0 8px 24px}#districts h2,#service-changes h2{font-size:18px}\
    .data-table{border-collapse:collapse;font-size:13px;width:100%;background:#fff}\
    .data-table th,.data-table td{border:1px solid #ddd;padding:4px 8px;text-align:left}\
    .data-table th{background:#f0f0f0}.data-table td.num{text-align:right;font-variant-numeric:tabular-nums}\
    .data-table tbody tr:nth-child(even){background:#f8f8f8}\
    #page-errors{color:#b00;margin:8px}\
    @media print{#controls{display:none}}
    """

    /// Hover details through one delegated listener (cheap however many marks), layer toggles,
    /// and readiness marks on <body> for tests and benchmarks: data-ready, data-render-ms
    /// (script end after layout) and data-selftest when the page is opened with #selftest
    /// (hovers the first site and checks that its tooltip names it; switches every layer off
    /// and on again and checks that it hid and came back).
    static let script = """
    (function(){\
    var data=JSON.parse(document.getElementById('hover-data').textContent);\
    var svg=document.getElementById('estate-map'),tip=document.getElementById('tooltip');\
    function esc(s){return String(s).replace(/[&<>"]/g,function(c){return{'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}\
    function fill(el){var key=el.getAttribute('data-h'),kind=data[key.charAt(0)];if(!kind)return false;\
    var row=kind.r[+key.slice(1)];if(!row)return false;\
    var h='<div class="tip-title">'+esc(kind.h[0])+' '+esc(row[0])+'</div><table>';\
    for(var i=1;i<kind.h.length;i++){h+='<tr><th>'+esc(kind.h[i])+'</th><td>'+esc(row[i])+'</td></tr>';}\
    tip.innerHTML=h+'</table>';tip.hidden=false;return true;}\
    function place(e){var w=tip.offsetWidth,hh=tip.offsetHeight,x=e.clientX+14,y=e.clientY+14;\
    if(x+w>window.innerWidth-4)x=e.clientX-w-14;if(y+hh>window.innerHeight-4)y=e.clientY-hh-14;\
    tip.style.left=Math.max(4,x)+'px';tip.style.top=Math.max(4,y)+'px';}\
    svg.addEventListener('mouseover',function(e){var el=e.target.closest('[data-h]');\
    if(el&&fill(el)){place(e);}else{tip.hidden=true;}});\
    svg.addEventListener('mousemove',function(e){if(!tip.hidden)place(e);});\
    svg.addEventListener('mouseleave',function(){tip.hidden=true;});\
    var boxes=document.querySelectorAll('input[data-layer]');\
    for(var i=0;i<boxes.length;i++){boxes[i].addEventListener('change',function(e){\
    var g=document.getElementById(e.target.getAttribute('data-layer'));if(g)g.style.display=e.target.checked?'':'none';});}\
    svg.getBBox();\
    document.body.setAttribute('data-render-ms',performance.now().toFixed(0));\
    if(location.hash==='#selftest'){var first=svg.querySelector('[data-h^="s"]');\
    if(first){first.dispatchEvent(new MouseEvent('mouseover',{bubbles:true,clientX:40,clientY:40}));}\
    var hovered=first&&!tip.hidden&&tip.textContent.indexOf(first.getAttribute('data-site'))>=0;\
    var toggled=boxes.length>0;for(var k=0;k<boxes.length;k++){var layer=document.getElementById(boxes[k].getAttribute('data-layer'));\
    boxes[k].click();toggled=toggled&&!!layer&&getComputedStyle(layer).display==='none';\
    boxes[k].click();toggled=toggled&&getComputedStyle(layer).display!=='none';}\
    document.body.setAttribute('data-selftest',hovered&&toggled?'ok':'fail');}\
    document.body.setAttribute('data-ready','1');\
    })();
    """

    /// The selector of layers shown one at a time (`choices`): shows the chosen group of class
    /// `service-layer` and hides the others; `#service=CODE` opens the page on that service's
    /// layer (a link to one service's map; the code, from the layer's `data-service`, since the
    /// choices show names). Under #selftest it picks every choice, checks that
    /// its layer alone shows, and turns the page's data-selftest to fail if not.
    static let choiceScript = """
    (function(){\
    var svg=document.getElementById('estate-map'),choice=document.getElementById('layer-choice');\
    function choose(){var groups=svg.querySelectorAll('.service-layer');\
    for(var g=0;g<groups.length;g++){groups[g].style.display=groups[g].id===choice.value?'inline':'none';}}\
    choice.addEventListener('change',choose);\
    var wanted=location.hash.indexOf('#service=')===0?decodeURIComponent(location.hash.slice(9)):'';\
    for(var w=1;w<choice.options.length;w++){var layer=document.getElementById(choice.options[w].value);\
    if(layer&&layer.getAttribute('data-service')===wanted){choice.selectedIndex=w;choose();}}\
    if(location.hash==='#selftest'){var ok=choice.options.length>1;\
    for(var c=1;c<choice.options.length;c++){choice.selectedIndex=c;choose();\
    var groups=svg.querySelectorAll('.service-layer');for(var q=0;q<groups.length;q++){\
    ok=ok&&((getComputedStyle(groups[q]).display!=='none')===(groups[q].id===choice.value));}}\
    choice.selectedIndex=0;choose();if(!ok)document.body.setAttribute('data-selftest','fail');}\
    })();
    """
}
