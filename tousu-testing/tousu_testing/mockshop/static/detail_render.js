/* Mock shop: renders the old Taobao detail from window.data (standing in for tp/detail/index.js).
   Text only through textContent; sub-order ids from idStr, never the rounded number. */
(function (LATE) {
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }
  function link(text, href) { var a = el('a', null, text); a.setAttribute('href', href || '#'); return a; }
  function flat(content) {
    // "lines" content -> plain text, as the real renderer prints it.
    return (content || []).map(function (c) {
      if (c.type === 'text') return c.value;
      if (c.type === 'namevalue') {
        var v = c.value.value;
        return c.value.name + (Array.isArray(v) ? v.map(function (x) { return x.value; }).join('') : v);
      }
      return '';
    }).join(' ');
  }
  function render(d) {
    var panel = document.getElementById('detail-panel');
    var m = d.mainOrder || {};
    var box = el('div', 'detail-mod__container');
    var bar = el('ol', 'order-bar');
    ((d.orderBar || {}).nodes || []).forEach(function (n) {
      bar.appendChild(el('li', n.date ? 'done' : '', n.text + (n.date ? ' ' + n.date : '')));
    });
    box.appendChild(bar);
    box.appendChild(el('h2', 'status-text', (m.statusInfo || {}).text));
    (d.operationsGuide || []).forEach(function (g) {
      (g.lines || []).forEach(function (line) {
        var p = el('p', 'operations-guide');
        (line.content || []).forEach(function (c) {
          if (c.type === 'text') p.appendChild(el('span', null, c.value));
          else if (c.type === 'countdown') p.appendChild(el('span', 'countdown', c.value.day + '天' + c.value.hour + '时' + c.value.minute + '分'));
          else if (c.type === 'operation') p.appendChild(link(c.value.text, c.value.url || 'javascript:void(0)'));
        });
        box.appendChild(p);
      });
    });
    var info = el('div', 'order-info');
    info.appendChild(el('h3', null, '订单信息'));
    var delivery = d.deliveryInfo || {};
    info.appendChild(el('p', 'address', '收货地址：' + (delivery.address || '')));
    info.appendChild(el('p', 'logistics', '物流公司：' + delivery.logisticsName + '　运单号：' + delivery.logisticsNum));
    var seller = m.seller || {};
    var sp = el('p', 'seller', '卖家：');
    sp.appendChild(link(seller.shopName || seller.nick, seller.shopUrl));
    info.appendChild(sp);
    ((m.orderInfo || {}).lines || []).forEach(function (line) {
      (line.content || []).forEach(function (c) { info.appendChild(el('p', 'info-line', flat([c]))); });
    });
    box.appendChild(info);
    ((d.packageInfos || {}).list || []).forEach(function (p, i) {
      box.appendChild(el('p', 'package', '包裹' + (i + 1) + '　' + p.companyName + '　' + p.invoiceNo + '　发货时间：' + p.consignTime));
    });
    var table = el('table', 'sub-orders');
    var head = el('tr');
    (m.columns || []).forEach(function (c) { head.appendChild(el('th', null, c)); });
    table.appendChild(head);
    (m.subOrders || []).forEach(function (s) {
      var tr = el('tr');
      tr.setAttribute('data-sub-id', s.idStr);
      var item = el('td', 'item');
      item.appendChild(link(s.itemInfo.title, s.itemInfo.auctionUrl));
      (s.itemInfo.extra || []).forEach(function (x) { item.appendChild(el('p', null, x.name + x.value)); });
      tr.appendChild(item);
      tr.appendChild(el('td', 'sku', (s.itemInfo.skuText || []).map(function (l) { return flat(l.content); }).join(' ')));
      tr.appendChild(el('td', 'status', (s.tradeStatus || []).map(function (l) { return flat(l.content); }).join(' ')));
      tr.appendChild(el('td', 'service', ''));
      tr.appendChild(el('td', 'price', s.quantity + ' × ' + s.priceInfo));
      table.appendChild(tr);
    });
    box.appendChild(table);
    var fee = el('div', 'pay-info');
    ((m.payInfo || {}).feeMess || []).forEach(function (f) { fee.appendChild(el('p', null, f.name + '：' + f.value)); });
    var actual = (m.payInfo || {}).actualFee;
    if (actual) fee.appendChild(el('p', 'actual-fee', actual.name + '：' + actual.value));
    box.appendChild(fee);
    panel.innerHTML = '';
    panel.appendChild(box);
  }
  function start() { render(window.data); }
  if (LATE > 0) setTimeout(start, LATE); else start();
})(window.__detailLate || 0);
