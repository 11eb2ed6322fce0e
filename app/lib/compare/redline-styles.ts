/** The printable redline's styles: inline in the downloaded file, served as /redline.css to the page. */
export const REDLINE_STYLES = `
body { font: 11pt/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; }
body { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; break-after: avoid; }
a { color: #1d4f91; } .section-number { margin-right: .5rem; color: #57606a; }
ins { text-decoration: underline; text-decoration-thickness: 2px; color: #116329; background: #dafbe1; }
del { text-decoration: line-through; text-decoration-thickness: 2px; color: #a40e26; background: #ffebe9; }
ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.visually-hidden { white-space: nowrap; }
.change-list { list-style: none; padding: 0; margin: 0; }
.change { padding: .35rem 0; border-top: 1px solid #d0d7de; break-inside: avoid; }
.change-head { display: flex; flex-wrap: wrap; gap: .25rem .5rem; align-items: baseline; font-size: .9rem; }
.change-numbers { margin: 0; font-weight: 600; } .change-text p { margin: .25rem 0; }
.change-unchanged .change-text { color: #57606a; }
.badge { font-size: .75rem; font-weight: 600; padding: 0 .4rem; border-radius: 999px; border: 1px solid currentColor; }
.badge-possiblyRelated { border-style: dashed; }
.change-confidence { font-size: .85rem; font-style: italic; color: #57606a; }
ins.moved-sentence, del.moved-sentence { text-decoration-style: double; } .moved-sentence-note { font-size: .85rem; }
.former-heading { color: #57606a; font-style: italic; margin: 0; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; break-after: avoid; }
.section-change { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; margin: 0 0 .4rem; }
.section-change-none { color: #57606a; font-size: .85rem; }
.section-legend { display: flex; flex-wrap: wrap; gap: .25rem .5rem; margin: 0 0 .5rem; font-size: .9rem; }
.section-legend ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
.table-scroll { overflow-x: auto; } table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: 1rem 0; }
caption { text-align: start; font-weight: 600; margin-bottom: .25rem; }
th, td { border-bottom: 1px solid #d0d7de; padding: .2rem .4rem; text-align: end; }
th[scope="row"], thead th:first-child { text-align: start; } .zero { color: #8c959f; }
.comparison-legend { margin: .5rem 0; } .comparison-legend ins, .comparison-legend del { padding: 0 .25rem; }
.printed-from { color: #57606a; font-size: .85rem; }
`;
