/* Mock shop: the new list (tm2) app. Fetches queryboughtlistV2 like the real page, then renders
   #shopOrderContainer_<id> blocks: two first, the rest as the shopper scrolls. */
(function (C, CFG) {
  var go = window.__tousuMockPath || function (u) { return u; };
  var box = document.getElementById('tbpc-trade-container');
  var state = { ids: [], comps: {}, shown: 0, page: 1, pagination: {}, guess: 0 };

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }
  function link(text, href, cls) { var a = el('a', cls, text); a.setAttribute('href', href || '#'); return a; }
  function price(value, label, strike) {
    var c = el('div', 'trade-price-container' + (strike ? ' trade-price-strike' : ''));
    if (label) c.appendChild(el('span', 'trade-price-label', label));
    var m = /^(\D*)(\d+)(?:\.(\d+))?$/.exec(value || '');
    if (!m) { c.appendChild(el('span', 'trade-price-integer', value)); return c; }
    c.appendChild(el('span', 'trade-price-symbol', m[1] || '￥'));
    c.appendChild(el('span', 'trade-price-integer', m[2]));
    c.appendChild(el('span', 'trade-price-point', '.'));
    c.appendChild(el('span', 'trade-price-decimal', m[3] || '00'));
    return c;
  }
  function button(op, extra) {
    var a = link(op.text, op.url, 'trade-button' + (op.style === 'primary' ? ' trade-button-type-primary' : '') + (extra ? ' ' + extra : ''));
    return a;
  }

  function container(id) {
    var comps = state.comps;
    var shop = (comps['shopInfo_' + id] || {}).fields || {};
    var wrap = el('div', 'trade-container type-of-normal trade-bought-list-order-container');
    wrap.id = 'shopOrderContainer_' + id;
    var head = el('div', C.shopInfo + ' trade-bought-list-shop-info');
    var left = el('div', C.shopInfoLeft);
    left.appendChild(el('span', C.shopInfoOrderTime, shop.createDay));
    left.appendChild(el('span', C.shopInfoOrderId, '订单号: ' + id));
    if (shop.isTmall) { var icon = el('img', C.shopInfoIcon); icon.setAttribute('src', '//gtd.alicdn.com/tps/i2/TB1aJQKFVXXXXamXFXXEDhGGXXX-32-32.png'); icon.setAttribute('alt', '天猫'); left.appendChild(icon); }
    var nameBox = el('span', C.shopInfoNameContainer);
    nameBox.appendChild(link(shop.shopName, shop.shopUrl, C.shopInfoName));
    var ww = link('', shop.wangwangUrl, C.shopInfoWangwang);
    ww.setAttribute('data-nick', shop.sellerNick || '');
    nameBox.appendChild(ww);
    left.appendChild(nameBox);
    left.appendChild(link('订单详情', shop.detailUrl, C.shopInfoOrderDetail));
    head.appendChild(left);
    var right = el('div', C.shopInfoRight);
    right.appendChild(el('span', C.shopInfoStatus, shop.tradeTitle));
    right.appendChild(link('', 'javascript:void(0)', C.shopInfoFlag));
    head.appendChild(right);
    wrap.appendChild(head);

    var rows = el('div', 'trade-container type-of-row');
    rows.id = 'orderDetailCol_' + id;
    var items = el('div', 'trade-container type-of-normal');
    Object.keys(comps).forEach(function (key) {
      if (key.indexOf('orderItemInfo_' + id + '_') !== 0) return;
      var f = comps[key].fields || {};
      var it = f.item || {};
      var row = el('div', C.itemInfo + ' trade-bought-list-order-info');
      var col = el('div', C.itemInfoColItem);
      var imgBox = el('div', C.imageContainer);
      var span = el('span');
      var img = link('', it.itemUrl, C.image);
      img.setAttribute('style', 'background-image:url(' + it.pic + ')');
      span.appendChild(img);
      imgBox.appendChild(span);
      col.appendChild(imgBox);
      var content = el('div', C.content);
      var title = link('', it.itemUrl, C.title);
      title.appendChild(el('span', C.titleText, it.title));
      content.appendChild(title);
      content.appendChild(link('[交易快照]', it.snapUrl, C.titleSnapshot));
      if (it.skuText) content.appendChild(el('div', C.info, it.skuText));
      if (it.serviceText) content.appendChild(el('div', C.info + ' trade-clamp-wrap', it.serviceText));
      var operate = el('div', C.operate);
      (f.operations || []).forEach(function (op) { operate.appendChild(button(op)); });
      content.appendChild(operate);
      col.appendChild(content);
      row.appendChild(col);
      var priceCol = el('div', C.itemInfoColPrice);
      priceCol.appendChild(price((it.priceInfo || {}).actualTotalFee));
      if ((it.priceInfo || {}).original) priceCol.appendChild(price(it.priceInfo.original, null, true));
      priceCol.appendChild(el('div', C.quantity, 'x' + it.quantity));
      if (f.refundStatus) priceCol.appendChild(el('div', C.refundStatus, f.refundStatus));
      row.appendChild(priceCol);
      items.appendChild(row);
    });
    var status = (comps['orderStatus_' + id] || {}).fields || {};
    if (status.label) {
      var label = link('', go('//buyertrade.taobao.com/trade/itemlist/list_bought_items.htm'), C.label);
      label.appendChild(el('span', C.labelTitle, status.label.title));
      label.appendChild(el('span', C.labelSubTitle, status.label.subTitle));
      items.appendChild(label);
    }
    rows.appendChild(items);
    var pay = (comps['orderPayment_' + id] || {}).fields || {};
    var payBox = el('div', 'trade-container type-of-normal');
    var payment = el('div', C.payment);
    payment.appendChild(price((pay.actualFee || {}).value, '实付款'));
    payment.appendChild(price((pay.postFee || {}).value, '含运费:'));
    if (pay.mobileOrder) payment.appendChild(el('div', C.mobileOrder, '手机订单'));
    payBox.appendChild(payment);
    rows.appendChild(payBox);
    var opsBox = el('div', 'trade-container type-of-normal');
    var ops = el('div', C.operations);
    (((comps['operations_' + id] || {}).fields || {}).operations || []).forEach(function (op) { ops.appendChild(button(op)); });
    opsBox.appendChild(ops);
    rows.appendChild(opsBox);
    wrap.appendChild(rows);

    var ext = el('div', C.extBlank);
    var extItems = el('div', C.extItems);
    extItems.appendChild(el('span', null, '常买常逛'));
    ['示例推荐 保温杯', '示例推荐 抽纸 24包', '示例推荐 洗衣凝珠'].forEach(function (t, i) {
      var card = link('', '//item.taobao.com/item.htm?id=69900000000' + i, C.extItem);
      card.appendChild(el('span', null, t));
      card.appendChild(price('￥' + (19 + i * 10) + '.90'));
      extItems.appendChild(card);
    });
    ext.appendChild(extItems);
    wrap.appendChild(ext);
    return wrap;
  }

  function more(count) {
    var list = document.getElementById('J_Tm2OrderList');
    var end = Math.min(state.ids.length, state.shown + count);
    for (; state.shown < end; state.shown++) list.appendChild(container(state.ids[state.shown]));
    if (state.shown >= state.ids.length) document.getElementById('J_Tm2Pager').style.display = '';
  }

  function guessMore() {
    // "猜你喜欢" grows on every scroll to the bottom (capped so a dev tab stays light).
    var feed = document.getElementById('J_GuessLike');
    for (var i = 0; i < 8 && state.guess < 120; i++, state.guess++) {
      feed.appendChild(link('示例猜你喜欢商品 ' + (state.guess + 1), '//item.taobao.com/item.htm?id=' + (698000000000 + state.guess), C.guessItem));
    }
  }

  function pager() {
    var p = state.pagination;
    var bar = el('div', C.pager);
    bar.id = 'J_Tm2Pager';
    bar.style.display = 'none';
    var prev = el('button', 'trade-button trade-button-type-text' + (p.currentPage > 1 ? '' : ' trade-button-disabled'), '上一页');
    var next = el('button', 'trade-button trade-button-type-text' + (p.hasMore ? '' : ' trade-button-disabled'), '下一页');
    prev.addEventListener('click', function () { if (p.currentPage > 1) load(p.currentPage - 1); });
    next.addEventListener('click', function () { if (p.hasMore) load(p.currentPage + 1); });
    bar.appendChild(prev);
    bar.appendChild(el('span', null, ' 第' + p.currentPage + '页 '));
    bar.appendChild(next);
    return bar;
  }

  function render(resp) {
    if (!resp || !resp.ret || String(resp.ret[0]).indexOf('SUCCESS') !== 0) {
      box.innerHTML = '';
      box.appendChild(el('div', C.empty, '服务内部故障，请稍后重试'));
      return;
    }
    var data = resp.data || {};
    state.comps = data.data || {};
    state.ids = ((data.hierarchy || {}).structure || {}).root || [];
    state.pagination = (state.comps.pagination || {}).fields || {};
    state.shown = 0;
    box.innerHTML = '';
    var list = el('div');
    list.id = 'J_Tm2OrderList';
    box.appendChild(list);
    if (!state.ids.length) list.appendChild(el('div', C.empty, '暂无订单'));
    box.appendChild(pager());
    var guess = el('div', C.guessLike);
    guess.id = 'J_GuessLike';
    guess.appendChild(el('h3', null, '猜你喜欢'));
    box.appendChild(guess);
    guessMore();
    more(2);
  }

  function query(page) {
    var data = JSON.stringify({ tabCode: 'all', page: page, OrderType: 'OrderList', appName: 'tborder', appVersion: '3.0', condition: '{"directRouteToTm2Scene":"1"}' });
    var q = 'jsv=2.7.2&appKey=12574478&t=' + Date.now() + '&sign=00000000000000000000000000000000&api=mtop.taobao.order.queryboughtlistV2&v=1.0&ttid=' + encodeURIComponent('1@tbwang_windows_1.0.0#pc') + '&type=originaljson&dataType=json&data=' + encodeURIComponent(data);
    var extra = CFG.mockParams || {};
    if (CFG.scenario) extra.tousu_scenario = CFG.scenario;
    Object.keys(extra).forEach(function (k) { q += '&' + k + '=' + encodeURIComponent(extra[k]); });
    return '/h5/mtop.taobao.order.queryboughtlistv2/1.0/?' + q;
  }

  function load(page) {
    var path = query(page);
    fetch(go('//h5api.m.taobao.com' + path), { credentials: 'include' })
      .then(function (r) { return r.json(); })
      .catch(function () { return fetch(go(path), { credentials: 'include' }).then(function (r) { return r.json(); }); })
      .then(function (resp) { render(resp); window.scrollTo(0, 0); })
      .catch(function () { box.textContent = '网络异常，请刷新重试'; });
  }

  window.addEventListener('scroll', function () {
    // Like the real app: more orders once the end of the list scrolls into view; the feed
    // below grows whenever the bottom of the page is reached.
    var pagerBar = document.getElementById('J_Tm2Pager');
    var list = document.getElementById('J_Tm2OrderList');
    if (list && state.shown < state.ids.length && list.getBoundingClientRect().bottom < window.innerHeight + 300) more(3);
    if (window.innerHeight + window.scrollY >= document.body.scrollHeight - 200 && pagerBar) guessMore();
  });
  if (CFG.late > 0) setTimeout(function () { load(1); }, CFG.late); else load(1);
})(window.__tm2Classes, window.__tm2Config);
