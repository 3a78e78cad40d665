// Builds Gauntlet's observation of the current document in one pass: stable element ids (data-gid), an
// accessibility-style text, pruned HTML and the element list. Returns a JSON string (cheaper to ship than objects).
// `arg.probe`, when given, is a suite's expression (MiniWoB's done flag) evaluated in the same round trip; with
// `arg.walk` false only the URL, title and probe come back (the views are built by a later call, when first read).
(arg) => {
  const probe = arg ? arg.probe : null;
  if (arg && arg.walk === false) {
    return JSON.stringify({url: location.href, title: document.title, probe: probe ? (0, eval)(probe) : null});
  }
  const MAX_TEXT = 160;
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'META', 'LINK', 'BR']);
  const KEEP_ATTRS = ['id', 'class', 'type', 'name', 'value', 'placeholder', 'href', 'title', 'alt', 'aria-label',
                      'role', 'for', 'checked', 'selected', 'disabled', 'aria-expanded', 'aria-selected'];
  const INPUT_ROLES = {checkbox: 'checkbox', radio: 'radio', button: 'button', submit: 'button', reset: 'button',
                       image: 'button', range: 'slider', number: 'spinbutton', search: 'searchbox'};
  const TAG_ROLES = {BUTTON: 'button', SELECT: 'combobox', TEXTAREA: 'textbox', OPTION: 'option', IMG: 'img',
                     H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
                     LI: 'listitem', UL: 'list', OL: 'list', TABLE: 'table', TR: 'row', TD: 'cell', TH: 'columnheader',
                     LABEL: 'LabelText', FORM: 'form', NAV: 'navigation', DIALOG: 'dialog', P: 'paragraph',
                     SVG: 'img', CANVAS: 'img', MAIN: 'main', HEADER: 'banner', FOOTER: 'contentinfo',
                     SUMMARY: 'button', DETAILS: 'group', FIELDSET: 'group', LEGEND: 'legend'};
  const INTERACTIVE_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'textbox', 'searchbox', 'combobox',
      'option', 'tab', 'menuitem', 'treeitem', 'switch', 'slider', 'spinbutton', 'listbox', 'gridcell']);
  const w = window;
  if (typeof w.__gauntletNextId !== 'number') w.__gauntletNextId = 1;
  const clip = s => { s = (s || '').replace(/\s+/g, ' ').trim(); return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) + '…' : s; };
  const esc = s => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const idOf = el => {
    let id = el.getAttribute('data-gid');
    if (!id) { id = String(w.__gauntletNextId++); el.setAttribute('data-gid', id); }
    return id;
  };
  const roleOf = el => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(' ')[0];
    if (el.tagName === 'A') return el.hasAttribute('href') ? 'link' : 'generic';
    if (el.tagName === 'INPUT') return INPUT_ROLES[(el.type || 'text').toLowerCase()] || 'textbox';
    if (el.tagName === 'SELECT' && el.multiple) return 'listbox';
    return TAG_ROLES[el.tagName] || (el.isContentEditable ? 'textbox' : 'generic');
  };
  const ownText = el => {
    let t = '';
    for (const n of el.childNodes) if (n.nodeType === 3) t += n.nodeValue + ' ';
    return clip(t);
  };
  const labelOf = el => {
    const aria = el.getAttribute('aria-label');
    if (aria) return clip(aria);
    const by = el.getAttribute('aria-labelledby');
    if (by) { const t = by.split(/\s+/).map(i => document.getElementById(i)).filter(Boolean).map(x => x.innerText).join(' '); if (t.trim()) return clip(t); }
    if (el.labels && el.labels.length) return clip(Array.from(el.labels).map(l => l.innerText).join(' '));
    return '';
  };
  const nameOf = (el, role) => {
    const label = labelOf(el);
    if (label) return label;
    if (el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes((el.type || '').toLowerCase())) return clip(el.value);
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return clip(el.placeholder || el.title || el.name || '');
    if (el.tagName === 'SELECT') return clip(el.title || el.name || '');
    if (el.tagName === 'IMG') return clip(el.alt || el.title || '');
    if (INTERACTIVE_ROLES.has(role) || role === 'heading' || role === 'LabelText') return clip(el.innerText || el.textContent || el.title || '');
    return clip(el.title || '');
  };
  const lines = [], html = [], elements = [];
  const walk = (el, depth, htmlDepth) => {
    if (SKIP.has(el.tagName)) return;
    const st = w.getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden' || el.hidden) return;
    const r = el.getBoundingClientRect();
    const isOption = el.tagName === 'OPTION';
    const zero = r.width === 0 && r.height === 0 && st.overflow !== 'visible' && !isOption;
    if (zero && el.children.length === 0) return;
    const id = idOf(el);
    const role = roleOf(el);
    const name = nameOf(el, role);
    const text = ownText(el);
    const tag = el.tagName.toLowerCase();
    const disabled = el.disabled === true;
    const interactive = !disabled && (INTERACTIVE_ROLES.has(role) || el.hasAttribute('onclick')
        || el.isContentEditable || (el.tabIndex >= 0 && el.hasAttribute('tabindex')) || st.cursor === 'pointer');
    const value = ('value' in el && typeof el.value === 'string' && !['button', 'li', 'option', 'meter', 'progress'].includes(tag)
        && el.type !== 'checkbox' && el.type !== 'radio') ? el.value : '';
    const checked = el.checked === true || el.getAttribute('aria-checked') === 'true';
    const shown = interactive || role !== 'generic' && (name || text) || text;
    if (shown && role !== 'list' && role !== 'row' && role !== 'table' && role !== 'form') {
      let line = '  '.repeat(depth) + '[' + id + '] ' + (role === 'generic' ? 'text' : role);
      const label = INTERACTIVE_ROLES.has(role) || role === 'heading' || role === 'img' ? (name || text) : (text || name);
      if (label) line += ' ' + JSON.stringify(label);
      if (value && role !== 'button' && el.type !== 'checkbox' && el.type !== 'radio') line += ' value=' + JSON.stringify(clip(value));
      if (el.type === 'checkbox' || el.type === 'radio' || el.hasAttribute('aria-checked')) line += checked ? ' checked' : ' unchecked';
      if (tag === 'option' && el.selected) line += ' selected';
      if (disabled) line += ' disabled';
      if (el.getAttribute('aria-expanded')) line += ' expanded=' + el.getAttribute('aria-expanded');
      lines.push(line);
      const attrs = {};
      for (const a of ['type', 'placeholder', 'href', 'title', 'aria-label', 'name']) if (el.hasAttribute(a)) attrs[a] = el.getAttribute(a);
      elements.push({id, role, name: label || '', tag, value, interactive, checked, attrs,
                     box: [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)]});
    }
    let open = '<' + tag + ' bid="' + id + '"';
    for (const a of KEEP_ATTRS) if (el.hasAttribute(a)) { const v = el.getAttribute(a); open += v === '' ? ' ' + a : ' ' + a + '="' + esc(clip(v)) + '"'; }
    if (value && tag !== 'select' && !el.hasAttribute('value')) open += ' value="' + esc(clip(value)) + '"';
    if (checked && !el.hasAttribute('checked')) open += ' checked';
    html.push('  '.repeat(htmlDepth) + open + '>' + (text ? esc(text) : ''));
    const childDepth = shown ? depth + 1 : depth;
    const before = html.length;
    for (const c of el.children) walk(c, childDepth, htmlDepth + 1);
    if (el.shadowRoot) for (const c of el.shadowRoot.children) walk(c, childDepth, htmlDepth + 1);
    if (html.length === before) html[before - 1] += '</' + tag + '>';
    else html.push('  '.repeat(htmlDepth) + '</' + tag + '>');
  };
  if (document.body) walk(document.body, 0, 0);
  const probed = probe ? (0, eval)(probe) : null;
  return JSON.stringify({url: location.href, title: document.title, axtree: lines.join('\n'), html: html.join('\n'), elements, probe: probed});
}
