<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AudienceBox</name>
    <message numerus="yes">
        <source>Leave out the %n customer(s) waiting for a &amp;person</source>
        <translation>
            <numerusform>Leave out the %n customer waiting for a &amp;person</numerusform><numerusform>Leave out the %n customers waiting for a &amp;person</numerusform></translation>
    </message>
</context>
<context>
    <name>BotEditor</name>
    <message numerus="yes">
        <source>Counted by the relay over the last 30 days: %n chat(s) handed to a person.</source>
        <translation>
            <numerusform>Counted by the relay over the last 30 days: %n chat handed to a person.</numerusform><numerusform>Counted by the relay over the last 30 days: %n chats handed to a person.</numerusform></translation>
    </message>
</context>
<context>
    <name>BulkNoticeDialog</name>
    <message numerus="yes">
        <source>%n order(s) confirmed paid — send the customers the payment confirmation?</source>
        <translation>
            <numerusform>%n order confirmed paid — send the customers the payment confirmation?</numerusform><numerusform>%n orders confirmed paid — send the customers the payment confirmation?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) shipped — send the customers their tracking numbers?</source>
        <translation>
            <numerusform>%n order shipped — send the customers their tracking numbers?</numerusform><numerusform>%n orders shipped — send the customers their tracking numbers?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) cancelled because the payment deadline passed — tell the customers?</source>
        <translation>
            <numerusform>%n order cancelled because the payment deadline passed — tell the customers?</numerusform><numerusform>%n orders cancelled because the payment deadline passed — tell the customers?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) cannot be told. If you send, their orders' history says that they were not told. The orders keep their new status either way.</source>
        <translation>
            <numerusform>%n customer cannot be told. If you send, their orders' history says that they were not told. The orders keep their new status either way.</numerusform><numerusform>%n customers cannot be told. If you send, their orders' history says that they were not told. The orders keep their new status either way.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Send %n</source>
        <translation>
            <numerusform>Send %n</numerusform><numerusform>Send %n</numerusform></translation>
    </message>
</context>
<context>
    <name>CampaignListModel</name>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n recipient</numerusform><numerusform>%n recipients</numerusform></translation>
    </message>
</context>
<context>
    <name>CampaignReportView</name>
    <message numerus="yes">
        <source>Pending at Meta: %n message(s) held while Meta checks this new template. Not failed: they go out once Meta has feedback.</source>
        <translation>
            <numerusform>Pending at Meta: %n message held while Meta checks this new template. Not failed: they go out once Meta has feedback.</numerusform><numerusform>Pending at Meta: %n messages held while Meta checks this new template. Not failed: they go out once Meta has feedback.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s): {0}</source>
        <translation>
            <numerusform>%n recipient: {0}</numerusform><numerusform>%n recipients: {0}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n to send at the scheduled time</source>
        <translation>
            <numerusform>%n to send at the scheduled time</numerusform><numerusform>%n to send at the scheduled time</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n to send once resumed</source>
        <translation>
            <numerusform>%n to send once resumed</numerusform><numerusform>%n to send once resumed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting their turn to be sent</source>
        <translation>
            <numerusform>%n waiting their turn to be sent</numerusform><numerusform>%n waiting their turn to be sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n held until {0}</source>
        <translation>
            <numerusform>%n held until {0}</numerusform><numerusform>%n held until {0}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform><numerusform>%n skipped</numerusform></translation>
    </message>
</context>
<context>
    <name>ChatList</name>
    <message numerus="yes">
        <source>%n chats with new messages above: show them at the top</source>
        <translation>
            <numerusform>%n chat with new messages above: show them at the top</numerusform><numerusform>%n chats with new messages above: show them at the top</numerusform></translation>
    </message>
</context>
<context>
    <name>ChatViewDelegate</name>
    <message numerus="yes">
        <source>%n unread messages</source>
        <translation>
            <numerusform>%n unread message</numerusform><numerusform>%n unread messages</numerusform></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform><numerusform>%n files</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>📎 %n file(s): {0}</source>
        <translation>
            <numerusform>📎 %n file: {0}</numerusform><numerusform>📎 %n files: {0}</numerusform></translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message numerus="yes">
        <source>Shop Inbox sends your %n waiting replies by itself as soon as the relay answers.</source>
        <translation>
            <numerusform>Shop Inbox sends your %n waiting reply by itself as soon as the relay answers.</numerusform><numerusform>Shop Inbox sends your %n waiting replies by itself as soon as the relay answers.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Shop Inbox sends your %n waiting replies once it is pasted.</source>
        <translation>
            <numerusform>Shop Inbox sends your %n waiting reply once it is pasted.</numerusform><numerusform>Shop Inbox sends your %n waiting replies once it is pasted.</numerusform></translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message numerus="yes">
        <source>{0} · {1}, ordered {2}, is the order placed nearest before this deposit of {3}, of %n order(s) under this name for this amount. Mark it paid if you know it is hers.</source>
        <translation>
            <numerusform>{0} · {1}, ordered {2}, is the order placed nearest before this deposit of {3}, of %n order under this name for this amount. Mark it paid if you know it is hers.</numerusform><numerusform>{0} · {1}, ordered {2}, is the order placed nearest before this deposit of {3}, of %n orders under this name for this amount. Mark it paid if you know it is hers.</numerusform></translation>
    </message>
</context>
<context>
    <name>DepositModel</name>
    <message numerus="yes">
        <source>One deposit for %n orders: name and their total</source>
        <translation>
            <numerusform>One deposit for %n order: name and their total</numerusform><numerusform>One deposit for %n orders: name and their total</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Her %n deposits in this file add up to an order you marked paid yourself ({0}): nothing to do</source>
        <translation>
            <numerusform>Her %n deposits in this file add up to an order you marked paid yourself ({0}): nothing to do</numerusform><numerusform>Her %n deposits in this file add up to an order you marked paid yourself ({0}): nothing to do</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n orders under this name wait for this amount, the one ordered nearest before the deposit first: {0}. If the first is hers, mark it paid below; else the right one in its window</source>
        <translation>
            <numerusform>%n order under this name wait for this amount, the one ordered nearest before the deposit first: {0}. If the first is hers, mark it paid below; else the right one in its window</numerusform><numerusform>%n orders under this name wait for this amount, the one ordered nearest before the deposit first: {0}. If the first is hers, mark it paid below; else the right one in its window</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n orders under this name wait for this amount ({0}): mark the right one paid in its window</source>
        <translation>
            <numerusform>%n order under this name wait for this amount ({0}): mark the right one paid in its window</numerusform><numerusform>%n orders under this name wait for this amount ({0}): mark the right one paid in its window</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Name only: her %n deposits in this file add up to the order's {0}: ticked together, they mark it paid</source>
        <translation>
            <numerusform>Name only: her %n deposits in this file add up to the order's {0}: ticked together, they mark it paid</numerusform><numerusform>Name only: her %n deposits in this file add up to the order's {0}: ticked together, they mark it paid</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n open order(s) have this amount, but none waits for this deposit alone: check the orders</source>
        <translation>
            <numerusform>%n open order has this amount, but none waits for this deposit alone: check the orders</numerusform><numerusform>%n open orders have this amount, but none waits for this deposit alone: check the orders</numerusform></translation>
    </message>
</context>
<context>
    <name>ExpiryNotice</name>
    <message numerus="yes">
        <source>%n order(s) cancelled because the payment deadline passed — tell the customers?</source>
        <translation>
            <numerusform>%n order cancelled because the payment deadline passed — tell the customers?</numerusform><numerusform>%n orders cancelled because the payment deadline passed — tell the customers?</numerusform></translation>
    </message>
</context>
<context>
    <name>LabelListModel</name>
    <message numerus="yes">
        <source>%n chat</source>
        <translation>
            <numerusform>%n chat</numerusform><numerusform>%n chat</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n chats</source>
        <translation>
            <numerusform>%n chat</numerusform><numerusform>%n chats</numerusform></translation>
    </message>
</context>
<context>
    <name>LabelsManager</name>
    <message numerus="yes">
        <source>Delete the label “{0}”? It is removed from %n chats; the chats stay.</source>
        <translation>
            <numerusform>Delete the label “{0}”? It is removed from %n chat; the chats stay.</numerusform><numerusform>Delete the label “{0}”? It is removed from %n chats; the chats stay.</numerusform></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%n campaign(s) paused</source>
        <translation>
            <numerusform>%n campaign paused</numerusform><numerusform>%n campaigns paused</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Shop Inbox — %n unread messages</source>
        <translation>
            <numerusform>Shop Inbox — %n unread message</numerusform><numerusform>Shop Inbox — %n unread messages</numerusform></translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message numerus="yes">
        <source>%n order(s) marked paid from the bank file.</source>
        <translation>
            <numerusform>%n order marked paid from the bank file.</numerusform><numerusform>%n orders marked paid from the bank file.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Payment confirmation sent to %n customer(s).</source>
        <translation>
            <numerusform>Payment confirmation sent to %n customer.</numerusform><numerusform>Payment confirmation sent to %n customers.</numerusform></translation>
    </message>
</context>
<context>
    <name>OrderBoard</name>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform><numerusform>%n orders</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n paid order(s) saved to the courier sheet.</source>
        <translation>
            <numerusform>%n paid order saved to the courier sheet.</numerusform><numerusform>%n paid orders saved to the courier sheet.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) left out for want of an address.</source>
        <translation>
            <numerusform>%n order left out for want of an address.</numerusform><numerusform>%n orders left out for want of an address.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform><numerusform>%n lines</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in this file have no courier. Which courier are their tracking numbers from?</source>
        <translation>
            <numerusform>%n order in this file has no courier. Which courier are their tracking numbers from?</numerusform><numerusform>%n orders in this file have no courier. Which courier are their tracking numbers from?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) marked shipped.</source>
        <translation>
            <numerusform>%n order marked shipped.</numerusform><numerusform>%n orders marked shipped.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n tracking number(s) replaced.</source>
        <translation>
            <numerusform>%n tracking number replaced.</numerusform><numerusform>%n tracking numbers replaced.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n ticked row(s) were not applied: their orders changed meanwhile.</source>
        <translation>
            <numerusform>%n ticked row was not applied: their orders changed meanwhile.</numerusform><numerusform>%n ticked rows were not applied: their orders changed meanwhile.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Tracking numbers sent to %n customer(s).</source>
        <translation>
            <numerusform>Tracking numbers sent to %n customer.</numerusform><numerusform>Tracking numbers sent to %n customers.</numerusform></translation>
    </message>
</context>
<context>
    <name>QuickReplyManager</name>
    <message numerus="yes">
        <source>%n found of {0}</source>
        <translation>
            <numerusform>%n found of {0}</numerusform><numerusform>%n found of {0}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n quick reply</source>
        <translation>
            <numerusform>%n quick reply</numerusform><numerusform>%n quick reply</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n quick replies</source>
        <translation>
            <numerusform>%n quick reply</numerusform><numerusform>%n quick replies</numerusform></translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message numerus="yes">
        <source>%n piece(s) come back.</source>
        <translation>
            <numerusform>%n piece comes back.</numerusform><numerusform>%n pieces come back.</numerusform></translation>
    </message>
</context>
<context>
    <name>RuleSummary</name>
    <message numerus="yes">
        <source>To everyone except %n contact.</source>
        <translation>
            <numerusform>To everyone except %n contact.</numerusform><numerusform>To everyone except %n contact.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>To everyone except %n contacts.</source>
        <translation>
            <numerusform>To everyone except %n contact.</numerusform><numerusform>To everyone except %n contacts.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Only to %n contact.</source>
        <translation>
            <numerusform>Only to %n contact.</numerusform><numerusform>Only to %n contact.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Only to %n contacts.</source>
        <translation>
            <numerusform>Only to %n contact.</numerusform><numerusform>Only to %n contacts.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Sent when a customer writes for the first time or after %n days of silence.</source>
        <translation>
            <numerusform>Sent when a customer writes for the first time or after %n day of silence.</numerusform><numerusform>Sent when a customer writes for the first time or after %n days of silence.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Not if you replied in the last %n minutes.</source>
        <translation>
            <numerusform>Not if you replied in the last %n minute.</numerusform><numerusform>Not if you replied in the last %n minutes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Once per customer each time you are away, and not if you replied in the last %n minutes.</source>
        <translation>
            <numerusform>Once per customer each time you are away, and not if you replied in the last %n minute.</numerusform><numerusform>Once per customer each time you are away, and not if you replied in the last %n minutes.</numerusform></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n recent results</source>
        <translation>
            <numerusform>%n recent results</numerusform><numerusform>%n recent results</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform><numerusform>%n results</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n chats</source>
        <translation>
            <numerusform>%n chat</numerusform><numerusform>%n chats</numerusform></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>Of this, {size} is taken by %n earlier inboxes kept when backups were restored.</source>
        <translation>
            <numerusform>Of this, {size} is taken by %n earlier inbox kept when backups were restored.</numerusform><numerusform>Of this, {size} is taken by %n earlier inboxes kept when backups were restored.</numerusform></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message numerus="yes">
        <source>%n chat(s)</source>
        <translation>
            <numerusform>%n chat</numerusform><numerusform>%n chats</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform><numerusform>%n messages</numerusform></translation>
    </message>
</context>
<context>
    <name>TrackingReport</name>
    <message numerus="yes">
        <source>%n row(s) were already registered: those orders carry these tracking numbers.</source>
        <translation>
            <numerusform>%n row was already registered: those orders carry these tracking numbers.</numerusform><numerusform>%n rows were already registered: those orders carry these tracking numbers.</numerusform></translation>
    </message>
</context>
<context>
    <name>TrackingReviewDialog</name>
    <message numerus="yes">
        <source>%n order(s) can be marked shipped.</source>
        <translation>
            <numerusform>%n order can be marked shipped.</numerusform><numerusform>%n orders can be marked shipped.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) need your look and are not ticked.</source>
        <translation>
            <numerusform>%n row needs your look and is not ticked.</numerusform><numerusform>%n rows need your look and are not ticked.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) match nothing and are left out.</source>
        <translation>
            <numerusform>%n row matches nothing and is left out.</numerusform><numerusform>%n rows match nothing and are left out.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Apply %n row(s)</source>
        <translation>
            <numerusform>Apply %n row</numerusform><numerusform>Apply %n rows</numerusform></translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform><numerusform>%n items</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>+%n more item(s)</source>
        <translation>
            <numerusform>+%n more item</numerusform><numerusform>+%n more items</numerusform></translation>
    </message>
</context>
</TS>