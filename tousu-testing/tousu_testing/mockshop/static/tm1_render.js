/* Mock shop: renders the old list (tm1) from window.data, standing in for tp/bought/index.js.
   Plain DOM calls only (textContent), so titles with quotes or markup stay text. Ids are taken
   from the string fields and URLs, never from the bare numbers JSON.parse has already rounded. */
(function (C, LATE) {
  var go = window.__tousuMockPath || function (u) { return u; };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function link(text, href, cls) {
    var a = el('a', cls, text);
    a.setAttribute('href', href);
    return a;
  }
  function opLink(op) {
    var href = op.url || op.dataUrl || 'javascript:void(0)';
    var a = link(op.text, href, C.link + (op.style === 't3' ? ' ' + C.primary : ''));
    if (op.id) a.id = op.id;
    if (op.action) a.setAttribute('data-action', op.action);
    if (op.dataUrl) a.setAttribute('data-url', op.dataUrl);
    return a;
  }

  function header(order) {
    var tbody = el('tbody', C.head);
    var tr = el('tr');
    var info = el('td', C.headInfo);
    info.appendChild(el('span', C.createTime, order.orderInfo ? order.orderInfo.createDay : ''));
    var idSpan = el('span');
    idSpan.appendChild(el('span', null, '订单号'));
    idSpan.appendChild(el('span', null, ': '));
    idSpan.appendChild(el('span', null, order.id));
    info.appendChild(idSpan);
    tr.appendChild(info);
    var sellerTd = el('td', C.sellerContainer);
    sellerTd.colSpan = 3;
    var seller = order.seller || {};
    var box = el('span', C.sellerBox);
    box.appendChild(link(seller.shopName || seller.nick || '', seller.shopUrl || '#', C.sellerName));
    if (seller.shopImg) {
      var badge = el('img');
      badge.src = seller.shopImg;
      badge.alt = '天猫';
      box.appendChild(badge);
    }
    sellerTd.appendChild(box);
    tr.appendChild(sellerTd);
    var opsTd = el('td', C.headOps);
    opsTd.colSpan = 3;
    (order.operations || []).forEach(function (op) {
      if (op.id === 'delOrder') opsTd.appendChild(opLink(op));
    });
    tr.appendChild(opsTd);
    tbody.appendChild(tr);
    return tbody;
  }

  function itemCell(sub) {
    var info = sub.itemInfo || {};
    var td = el('td', C.noBr);
    var prod = el('div', C.production);
    var pic = el('div', C.pic);
    var img = el('img');
    img.setAttribute('src', info.pic || '');
    img.setAttribute('alt', '');
    var picLink = link('', info.itemUrl || '#');
    picLink.appendChild(img);
    pic.appendChild(picLink);
    prod.appendChild(pic);
    var body = el('div', C.itemBody);
    var p = el('p');
    var title = link('', info.itemUrl || '#', C.title);
    title.appendChild(el('span', null, info.title));
    p.appendChild(title);
    p.appendChild(link('[交易快照]', info.snapUrl || '#', C.snap));
    body.appendChild(p);
    if (info.skuText && info.skuText.length) {
      var sku = el('p', C.sku);
      info.skuText.forEach(function (s) {
        sku.appendChild(el('span', null, s.name + '：' + s.value + ' '));
      });
      body.appendChild(sku);
    }
    (info.extra || []).forEach(function (x) {
      body.appendChild(el('p', C.extraLine, x.name + '：' + x.value));
    });
    if (info.serviceIcons && info.serviceIcons.length) {
      var icons = el('p', C.icons);
      info.serviceIcons.forEach(function (s) { icons.appendChild(el('span', C.icon, s.linkTitle || s.title)); });
      body.appendChild(icons);
    }
    prod.appendChild(body);
    td.appendChild(prod);
    return td;
  }

  function priceCell(sub) {
    var td = el('td', C.priceCell);
    var price = sub.priceInfo || {};
    if (price.original) td.appendChild(el('p', C.strike, '￥' + price.original));
    td.appendChild(el('p', C.price, '￥' + price.realTotal));
    return td;
  }

  function orderBlock(order) {
    var wrap = el('div', 'js-order-container ' + C.orderContainer);
    var inner = el('div', C.tradeOrder);
    inner.setAttribute('data-id', order.id);
    var table = el('table', C.table + ' ' + C.wrapperTable);
    table.appendChild(header(order));
    var body = el('tbody');
    var subs = order.subOrders || [];
    subs.forEach(function (sub, i) {
      var tr = el('tr', C.subRow);
      tr.appendChild(itemCell(sub));
      tr.appendChild(priceCell(sub));
      var q = sub.quantity && sub.quantity.count !== undefined ? sub.quantity.count : sub.quantity;
      tr.appendChild(el('td', C.quantity, q));
      var ops = el('td', C.subOps);
      (sub.operations || []).forEach(function (op) { ops.appendChild(el('p')).appendChild(opLink(op)); });
      tr.appendChild(ops);
      if (i === 0) {
        var pay = el('td', C.payCell);
        pay.rowSpan = subs.length;
        var payInfo = order.payInfo || {};
        pay.appendChild(el('strong', C.price, payInfo.actualFee !== undefined ? '￥' + payInfo.actualFee : ''));
        (payInfo.postFees || []).forEach(function (f) {
          pay.appendChild(el('p', C.postFee, f.prefix + '：' + f.value + f.suffix));
        });
        (payInfo.icons || []).forEach(function (icon) {
          if (icon.linkTitle) pay.appendChild(el('p', C.payIcon, icon.linkTitle));
        });
        tr.appendChild(pay);
        var status = el('td', C.statusCell);
        status.rowSpan = subs.length;
        var statusInfo = order.statusInfo || {};
        status.appendChild(el('p', C.statusText, statusInfo.text));
        (statusInfo.operations || []).forEach(function (op) {
          if (op.text) status.appendChild(el('p')).appendChild(opLink(op));
        });
        tr.appendChild(status);
        var trade = el('td', C.tradeOps);
        trade.rowSpan = subs.length;
        (order.tradeOperations || []).forEach(function (op) {
          if (op.style === 't5') trade.appendChild(el('p', C.countdown, op.text));
          else trade.appendChild(el('p')).appendChild(opLink(op));
        });
        tr.appendChild(trade);
      }
      body.appendChild(tr);
    });
    table.appendChild(body);
    inner.appendChild(table);
    wrap.appendChild(inner);
    return wrap;
  }

  function render(d) {
    var main = document.getElementById('J_bought_main');
    var root = el('div');
    root.id = 'tp-bought-root';
    var tabs = el('div', C.tabs);
    (d.tabs || []).forEach(function (t) {
      var a = link(t.text + (t.count ? ' ' + t.count : ''), t.herf || '#', C.tab + (t.selected ? ' ' + C.tabSelected : ''));
      tabs.appendChild(a);
    });
    root.appendChild(tabs);
    var head = el('table', C.table + ' ' + C.columns);
    var tr = el('tr');
    ['宝贝', '单价', '数量', '商品操作', '实付款', '交易状态', '交易操作'].forEach(function (t) { tr.appendChild(el('th', null, t)); });
    head.appendChild(tr);
    root.appendChild(head);
    var orders = d.mainOrders || [];
    if (!orders.length) root.appendChild(el('div', C.empty, '没有符合条件的订单'));
    orders.forEach(function (o) { root.appendChild(orderBlock(o)); });
    root.appendChild(pager(d.page || {}));
    main.innerHTML = '';
    main.appendChild(root);
  }

  function pager(page) {
    var box = el('ul', 'pagination ' + C.pager);
    var current = page.currentPage || 1;
    var total = page.totalPage || 1;
    function item(text, cls, target, disabled) {
      var li = el('li', cls + (disabled ? ' pagination-disabled' : ''));
      var a = link(text, 'javascript:void(0)');
      if (!disabled) a.addEventListener('click', function () { load(target); });
      li.appendChild(a);
      box.appendChild(li);
    }
    item('上一页', 'pagination-prev', current - 1, current <= 1);
    for (var n = 1; n <= total; n++) {
      item(String(n), 'pagination-item pagination-item-' + n + (n === current ? ' pagination-item-active' : ''), n, n === current);
    }
    item('下一页', 'pagination-next', current + 1, current >= total);
    return box;
  }

  function load(pageNum) {
    // The real page posts this form and reads GBK JSON; XHR honours the charset, fetch would not.
    var xhr = new XMLHttpRequest();
    xhr.open('POST', go('/trade/itemlist/asyncBought.htm?action=itemlist/BoughtQueryAction&event_submit_do_query=1&_input_charset=utf8') + location.search.replace(/^\?/, '&'));
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.onload = function () {
      var next;
      try { next = JSON.parse(xhr.responseText); } catch (e) { return; }
      if (next && next.mainOrders) { render(next); window.scrollTo(0, 0); }
    };
    xhr.send('pageNum=' + pageNum + '&pageSize=' + ((window.data.page || {}).pageSize || 50) + '&prePageNo=' + ((window.data.page || {}).currentPage || 1) + '&queryOrder=desc');
  }

  function start() { render(window.data); }
  if (LATE > 0) setTimeout(start, LATE); else start();
})(window.__tm1Classes, window.__tm1Late || 0);
