// Gauntlet's built-in MiniWoB page runtime. Speaks the MiniWoB++ page protocol (written here from its published
// description): genProblem() builds a problem into #area and #query, the WOB_* globals carry the episode state,
// core.startEpisodeReal()/core.endEpisode() bracket an episode, Math.seedrandom(seed) makes it deterministic.
// Gauntlet additions: window.gauntletGold() returns the reference solution of the current problem as actions
// (each page's genProblem() stores it in the global GOLD), and the first episode is offered on load, so a task page
// holds only its problem.
var core = {};

// ---- seeded randomness: Math.seedrandom(seed) swaps Math.random for a deterministic generator ----
(function () {
  function hash(text) {           // FNV-1a over the seed's text, then one avalanche round
    var h = 2166136261 >>> 0;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    h ^= h >>> 16; h = Math.imul(h, 2246822507) >>> 0; h ^= h >>> 13;
    return h >>> 0;
  }
  function generator(state) {     // mulberry32: small, fast, good enough for task generation
    return function () {
      state = (state + 0x6D2B79F5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  var nativeRandom = Math.random;
  Math.seedrandom = function (seed) {
    Math.random = seed === undefined ? nativeRandom : generator(hash(String(seed)));
    return String(seed);
  };
})();

core.randi = function (min, max) { return Math.floor(Math.random() * (max - min) + min); };
core.randf = function (min, max) { return Math.random() * (max - min) + min; };
core.sample = function (list) { return list[core.randi(0, list.length)]; };
core.shuffle = function (list) {
  for (var i = list.length - 1; i > 0; i--) {
    var j = Math.floor(Math.random() * (i + 1));
    var t = list[i]; list[i] = list[j]; list[j] = t;
  }
  return list;
};
core.sampleDistinct = function (list, n) { return core.shuffle(list.slice()).slice(0, n); };

// ---- episode state, read by the harness ----
var WOB_REWARD_GLOBAL = 0;
var WOB_RAW_REWARD_GLOBAL = 0;
var WOB_REWARD_REASON = null;
var WOB_DONE_GLOBAL = false;
var WOB_EPISODE_ID = 0;
var WOB_TASK_READY = true;
core.EPISODE_MAX_TIME = 10000;
core.EP_TIMER = null;
core.ept0 = null;
core.cover = null;

core.startEpisode = function () {
  if (core.cover === null) {
    core.cover = document.createElement('div');
    core.cover.id = 'sync-task-cover';
    core.cover.textContent = 'START';
    core.cover.onclick = function () { core.startEpisodeReal(); };
    document.body.appendChild(core.cover);
  }
  core.cover.style.display = 'block';
};

core.startEpisodeReal = function () {
  genProblem();
  WOB_DONE_GLOBAL = false;
  WOB_REWARD_GLOBAL = 0;
  WOB_RAW_REWARD_GLOBAL = 0;
  WOB_REWARD_REASON = null;
  if (window.getSelection) window.getSelection().removeAllRanges();
  document.body.scrollTop = document.documentElement.scrollTop = 0;
  if (core.cover) core.cover.style.display = 'none';
  core.ept0 = new Date().getTime();
  if (core.EP_TIMER !== null) clearTimeout(core.EP_TIMER);
  core.EP_TIMER = setTimeout(function () { core.endEpisode(-1, false, 'timed out'); }, core.EPISODE_MAX_TIME);
};

// Ends the episode once: later calls in the same episode are ignored.
core.endEpisode = function (reward, timeProportional, reason) {
  if (core.EP_TIMER === null) return;
  clearTimeout(core.EP_TIMER);
  core.EP_TIMER = null;
  WOB_RAW_REWARD_GLOBAL = reward;
  WOB_REWARD_REASON = reason === undefined ? null : reason;
  if (timeProportional) {
    var elapsed = new Date().getTime() - core.ept0;
    reward = reward * Math.max(0, 1.0 - elapsed / core.EPISODE_MAX_TIME);
  }
  WOB_REWARD_GLOBAL = reward;
  WOB_DONE_GLOBAL = true;
  WOB_EPISODE_ID++;
  core.startEpisode();
};

window.gauntletGold = function () { return typeof GOLD === 'undefined' ? null : GOLD; };
window.addEventListener('load', function () { core.startEpisode(); });

core.getUtterance = function () {
  return document.getElementById('query').textContent.replace(/\s+/g, ' ').trim();
};

// ---- helpers shared by the built-in tasks ----
core.WORDS = ['apple', 'river', 'stone', 'cloud', 'maple', 'tiger', 'piano', 'lemon', 'ocean', 'pixel', 'amber',
  'comet', 'delta', 'ember', 'frost', 'grove', 'harbor', 'ivory', 'jolly', 'kayak', 'lunar', 'mango', 'noble',
  'orbit', 'pearl', 'quartz', 'raven', 'sable', 'tulip', 'umber', 'velvet', 'willow', 'yonder', 'zephyr',
  'basil', 'cedar', 'dune', 'flint', 'gale', 'hazel'];
core.NAMES = ['Ada', 'Bruno', 'Chen', 'Dara', 'Elif', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Lior',
  'Mila', 'Nuno', 'Oona', 'Pavel', 'Quinn', 'Rosa', 'Sami', 'Tove', 'Umar', 'Vera', 'Wes', 'Xena', 'Yara', 'Zoltan'];
core.COLORS = ['red', 'green', 'blue', 'yellow', 'purple', 'orange', 'pink', 'brown', 'black', 'grey'];

// Builds an element: core.el('button', {id: 'b1', text: 'OK', onclick: f}, [children]).
core.el = function (tag, props, children) {
  var e = document.createElement(tag);
  props = props || {};
  for (var k in props) {
    if (k === 'text') e.textContent = props[k];
    else if (k === 'html') e.innerHTML = props[k];
    else if (k.indexOf('on') === 0) e.addEventListener(k.slice(2), props[k]);
    else if (k === 'style') e.setAttribute('style', props[k]);
    else e.setAttribute(k, props[k]);
  }
  (children || []).forEach(function (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return e;
};

// Empties #area and sets the instruction.
core.reset = function (instruction) {
  document.getElementById('area').innerHTML = '';
  document.getElementById('query').textContent = instruction;
  return document.getElementById('area');
};

// Quotes a string as the gold action grammar (BrowserGym-style) expects.
core.q = function (s) { return "'" + String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'"; };

// ---- calendar arithmetic for the date tasks (no Date objects: a problem depends on the seed alone) ----
core.MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
core.daysInMonth = function (year, month) {      // month 0-11
  if (month === 1) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month];
};
core.weekday = function (year, month, day) {     // 0 = Sunday (Sakamoto's method)
  var t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  var y = month < 2 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month] + day) % 7;
};
core.pad2 = function (n) { return (n < 10 ? '0' : '') + n; };
core.dateText = function (year, month, day) { return core.MONTHS[month] + ' ' + day + ', ' + year; };
