// WebShop's text views of the current page, computed the way upstream's text environment does:
// `text` joins the visible strings with " [SEP] "; `text_rich` marks buttons "[button] x [button_]" and the chosen
// options and already visited products "[clicked button] x [clicked button_]". Also lists the clickables
// (buttons, product links, option values; lower-cased), which is what click[...] accepts.
(visited) => {
  const skip = new Set(['SCRIPT', 'STYLE', 'HEAD', 'TITLE', 'NOSCRIPT', 'TEMPLATE']);
  const seen = new Set((visited || []).map(v => v.toLowerCase()));
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  const plain = [];
  const rich = [];
  const clicked = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || skip.has(parent.tagName) || parent.closest('script,style,noscript,template')) continue;
    const t = n.textContent.trim();
    if (!t) continue;
    plain.push(t);
    if (parent.closest('button')) {
      rich.push('[button] ' + t + ' [button_]');
    } else if (parent.tagName === 'LABEL') {
      const input = parent.htmlFor ? document.getElementById(parent.htmlFor) : parent.querySelector('input');
      if (input && input.checked) {
        rich.push('  [clicked button] ' + t + ' [clicked button_]');
        clicked.push('You have clicked ' + t + '.');
      } else {
        rich.push('  [button] ' + t + ' [button_]');
      }
    } else if (parent.classList.contains('product-link')) {
      rich.push((seen.has(t.toLowerCase()) ? '\n[clicked button] ' : '\n[button] ') + t
          + (seen.has(t.toLowerCase()) ? ' [clicked button_]' : ' [button_]'));
    } else {
      rich.push(t);
    }
  }
  const clickables = [];
  document.querySelectorAll('.btn, .product-link').forEach(e => clickables.push(e.textContent.trim().toLowerCase()));
  document.querySelectorAll('input[type="radio"]').forEach(e => clickables.push(String(e.value).toLowerCase()));
  const instruction = document.getElementById('instruction-text');
  return {
    text: plain.join(' [SEP] '),
    text_rich: (clicked.length ? clicked.join('\n') + '\n' : '') + rich.join('\n'),
    clickables: [...new Set(clickables)],
    has_search_bar: document.getElementById('search_input') !== null,
    instruction: instruction ? instruction.textContent.replace(/^\s*Instruction:\s*/, '').trim() : ''
  };
}
