<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AudienceBox</name>
    <message numerus="yes">
        <source>Leave out the %Ln customer(s) in the &amp;queue for a person</source>
        <translation>
            <numerusform>Leave out the %Ln customer in the &amp;queue for a person</numerusform>
            <numerusform>Leave out the %Ln customers in the &amp;queue for a person</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BotReportTab</name>
    <message numerus="yes">
        <source>Counted by the relay over the last 30 days: %Ln chat(s) handed to a person.</source>
        <translation>
            <numerusform>Counted by the relay over the last 30 days: %Ln chat handed to a person.</numerusform>
            <numerusform>Counted by the relay over the last 30 days: %Ln chats handed to a person.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} — sent %Ln time(s) as plain numbered text: with its fields filled in, its text is longer than the {1} characters WhatsApp shows above a menu. Shorten it.</source>
        <translation>
            <numerusform>{0} — sent %Ln time as plain numbered text: with its fields filled in, its text is longer than the {1} characters WhatsApp shows above a menu. Shorten it.</numerusform>
            <numerusform>{0} — sent %Ln times as plain numbered text: with its fields filled in, its text is longer than the {1} characters WhatsApp shows above a menu. Shorten it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkNoticeDialog</name>
    <message numerus="yes">
        <source>%Ln order(s) confirmed paid — send the customers the payment confirmation?</source>
        <translation>
            <numerusform>%Ln order confirmed paid — send the customer the payment confirmation?</numerusform>
            <numerusform>%Ln orders confirmed paid — send the customers the payment confirmation?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) shipped — send the customers their tracking numbers?</source>
        <translation>
            <numerusform>%Ln order shipped — send the customer the tracking number?</numerusform>
            <numerusform>%Ln orders shipped — send the customers their tracking numbers?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) cancelled because the payment deadline passed — tell the customers?</source>
        <translation>
            <numerusform>%Ln order cancelled because the payment deadline passed — tell the customer?</numerusform>
            <numerusform>%Ln orders cancelled because the payment deadline passed — tell the customers?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) cannot be told. If you send, their orders' history says that they were not told. The orders keep their new status either way.</source>
        <translation>
            <numerusform>%Ln customer cannot be told. If you send, their orders' history says that they were not told. The orders keep their new status either way.</numerusform>
            <numerusform>%Ln customers cannot be told. If you send, their orders' history says that they were not told. The orders keep their new status either way.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %Ln</source>
        <translation>
            <numerusform>&amp;Send %Ln</numerusform>
            <numerusform>&amp;Send %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignListModel</name>
    <message numerus="yes">
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln recipient</numerusform>
            <numerusform>%Ln recipients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignReportView</name>
    <message numerus="yes">
        <source>Pending at Meta: %Ln message(s) held while Meta checks this new template. Not failed: they go out once Meta has feedback.</source>
        <translation>
            <numerusform>Pending at Meta: %Ln message held while Meta checks this new template. Not failed: it goes out once Meta has feedback.</numerusform>
            <numerusform>Pending at Meta: %Ln messages held while Meta checks this new template. Not failed: they go out once Meta has feedback.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s): {0}</source>
        <translation>
            <numerusform>%Ln recipient: {0}</numerusform>
            <numerusform>%Ln recipients: {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to send at the scheduled time</source>
        <translation>
            <numerusform>%Ln to send at the scheduled time</numerusform>
            <numerusform>%Ln to send at the scheduled time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to send once resumed</source>
        <translation>
            <numerusform>%Ln to send once resumed</numerusform>
            <numerusform>%Ln to send once resumed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting their turn to be sent</source>
        <translation>
            <numerusform>%Ln waiting its turn to be sent</numerusform>
            <numerusform>%Ln waiting their turn to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held until {0} the customer's time</source>
        <translation>
            <numerusform>%Ln held until {0} the customer's time</numerusform>
            <numerusform>%Ln held until {0} the customer's time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held until {0}</source>
        <translation>
            <numerusform>%Ln held until {0}</numerusform>
            <numerusform>%Ln held until {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held until {0} ({1} the customer's time)</source>
        <translation>
            <numerusform>%Ln held until {0} ({1} the customer's time)</numerusform>
            <numerusform>%Ln held until {0} ({1} the customer's time)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatList</name>
    <message numerus="yes">
        <source>%Ln chats with new messages above: show them at the top</source>
        <translation>
            <numerusform>%Ln chat with new messages above: show it at the top</numerusform>
            <numerusform>%Ln chats with new messages above: show them at the top</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatViewDelegate</name>
    <message numerus="yes">
        <source>%Ln unread messages</source>
        <translation>
            <numerusform>%Ln unread message</numerusform>
            <numerusform>%Ln unread messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>📎 %Ln file(s): {0}</source>
        <translation>
            <numerusform>📎 %Ln file: {0}</numerusform>
            <numerusform>📎 %Ln files: {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message numerus="yes">
        <source>Shop Inbox sends your %Ln waiting replies by itself as soon as the relay answers.</source>
        <translation>
            <numerusform>Shop Inbox sends your %Ln waiting reply by itself as soon as the relay answers.</numerusform>
            <numerusform>Shop Inbox sends your %Ln waiting replies by itself as soon as the relay answers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop Inbox sends your %n waiting replies once it is pasted.</source>
        <translation>
            <numerusform>Shop Inbox sends your %n waiting reply once it is pasted.</numerusform>
            <numerusform>Shop Inbox sends your %n waiting replies once it is pasted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message numerus="yes">
        <source>{0} · {1}, ordered {2}, is the order placed nearest before this deposit of {3}, of %Ln order(s) under this name for this amount. Mark it paid if you know it is hers.</source>
        <translation>
            <numerusform>{0} · {1}, ordered {2}, is the order placed nearest before this deposit of {3}, of %Ln order under this name for this amount. Mark it paid if you know it is hers.</numerusform>
            <numerusform>{0} · {1}, ordered {2}, is the order placed nearest before this deposit of {3}, of %Ln orders under this name for this amount. Mark it paid if you know it is hers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DepositModel</name>
    <message numerus="yes">
        <source>One deposit for %Ln orders: name and their total</source>
        <translation>
            <numerusform>One deposit for %Ln order: name and its total</numerusform>
            <numerusform>One deposit for %Ln orders: name and their total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Her %Ln deposits in this file add up to an order you marked paid yourself ({0}): nothing to do</source>
        <translation>
            <numerusform>Her %Ln deposit in this file is the amount of an order you marked paid yourself ({0}): nothing to do</numerusform>
            <numerusform>Her %Ln deposits in this file add up to an order you marked paid yourself ({0}): nothing to do</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln orders under this name wait for this amount, the one ordered nearest before the deposit first: {0}. If the first is hers, mark it paid below; else the right one in its window</source>
        <translation>
            <numerusform>%Ln order under this name waits for this amount: {0}. If it is hers, mark it paid below; else in its window</numerusform>
            <numerusform>%Ln orders under this name wait for this amount, the one ordered nearest before the deposit first: {0}. If the first is hers, mark it paid below; else the right one in its window</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln orders under this name wait for this amount ({0}): mark the right one paid in its window</source>
        <translation>
            <numerusform>%Ln order under this name waits for this amount ({0}): mark it paid in its window</numerusform>
            <numerusform>%Ln orders under this name wait for this amount ({0}): mark the right one paid in its window</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Name only: her %Ln deposits in this file add up to the order's {0}: ticked together, they mark it paid</source>
        <translation>
            <numerusform>Name only: her %Ln deposit in this file is the order's {0}: ticked, it marks the order paid</numerusform>
            <numerusform>Name only: her %Ln deposits in this file add up to the order's {0}: ticked together, they mark it paid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open order(s) have this amount, but none waits for this deposit alone: check the orders</source>
        <translation>
            <numerusform>%Ln open order has this amount, but none waits for this deposit alone: check the orders</numerusform>
            <numerusform>%Ln open orders have this amount, but none waits for this deposit alone: check the orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryNotice</name>
    <message numerus="yes">
        <source>%Ln order(s) cancelled because the payment deadline passed — tell the customers?</source>
        <translation>
            <numerusform>%Ln order cancelled because the payment deadline passed — tell the customer?</numerusform>
            <numerusform>%Ln orders cancelled because the payment deadline passed — tell the customers?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelListModel</name>
    <message numerus="yes">
        <source>%Ln chats</source>
        <translation>
            <numerusform>%Ln chat</numerusform>
            <numerusform>%Ln chats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelsManager</name>
    <message numerus="yes">
        <source>Delete the label “{0}”? It is removed from %Ln chats; the chats stay.</source>
        <translation>
            <numerusform>Delete the label “{0}”? It is removed from %Ln chat; the chat stays.</numerusform>
            <numerusform>Delete the label “{0}”? It is removed from %Ln chats; the chats stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%Ln campaign(s) paused</source>
        <translation>
            <numerusform>%Ln campaign paused</numerusform>
            <numerusform>%Ln campaigns paused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop Inbox — %Ln unread messages</source>
        <translation>
            <numerusform>Shop Inbox — %Ln unread message</numerusform>
            <numerusform>Shop Inbox — %Ln unread messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message numerus="yes">
        <source>%Ln order(s) marked paid from the bank file.</source>
        <translation>
            <numerusform>%Ln order marked paid from the bank file.</numerusform>
            <numerusform>%Ln orders marked paid from the bank file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Payment confirmation sent to %Ln customer(s).</source>
        <translation>
            <numerusform>Payment confirmation sent to %Ln customer.</numerusform>
            <numerusform>Payment confirmation sent to %Ln customers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderBoard</name>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln paid order(s) saved to the courier sheet.</source>
        <translation>
            <numerusform>%Ln paid order saved to the courier sheet.</numerusform>
            <numerusform>%Ln paid orders saved to the courier sheet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) left out for want of an address.</source>
        <translation>
            <numerusform>%Ln order left out for want of an address.</numerusform>
            <numerusform>%Ln orders left out for want of an address.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) in this file have no courier. Which courier are their tracking numbers from?</source>
        <translation>
            <numerusform>%Ln order in this file has no courier. Which courier is its tracking number from?</numerusform>
            <numerusform>%Ln orders in this file have no courier. Which courier are their tracking numbers from?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) marked shipped.</source>
        <translation>
            <numerusform>%Ln order marked shipped.</numerusform>
            <numerusform>%Ln orders marked shipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tracking number(s) replaced.</source>
        <translation>
            <numerusform>%Ln tracking number replaced.</numerusform>
            <numerusform>%Ln tracking numbers replaced.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ticked row(s) were not applied: their orders changed meanwhile.</source>
        <translation>
            <numerusform>%Ln ticked row was not applied: its order changed meanwhile.</numerusform>
            <numerusform>%Ln ticked rows were not applied: their orders changed meanwhile.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tracking numbers sent to %Ln customer(s).</source>
        <translation>
            <numerusform>Tracking numbers sent to %Ln customer.</numerusform>
            <numerusform>Tracking numbers sent to %Ln customers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickReplyManager</name>
    <message numerus="yes">
        <source>%Ln of {0} found</source>
        <translation>
            <numerusform>%Ln of {0} found</numerusform>
            <numerusform>%Ln of {0} found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln quick replies</source>
        <translation>
            <numerusform>%Ln quick reply</numerusform>
            <numerusform>%Ln quick replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickReplyTransfer</name>
    <message numerus="yes">
        <source>Exported %n quick replies to {0}.</source>
        <translation>
            <numerusform>Exported %n quick reply to {0}.</numerusform>
            <numerusform>Exported %n quick replies to {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added.</source>
        <translation>
            <numerusform>%n added.</numerusform>
            <numerusform>%n added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already here, so skipped.</source>
        <translation>
            <numerusform>%n already here, so skipped.</numerusform>
            <numerusform>%n already here, so skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added as {0} because the shortcut(s) were taken by another reply here.</source>
        <translation>
            <numerusform>%n added as {0} because the shortcut was taken by another reply here.</numerusform>
            <numerusform>%n added as {0} because the shortcuts were taken by another reply here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be imported:</source>
        <translation>
            <numerusform>%n could not be imported:</numerusform>
            <numerusform>%n could not be imported:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message numerus="yes">
        <source>%Ln piece(s) come back.</source>
        <translation>
            <numerusform>%Ln piece comes back.</numerusform>
            <numerusform>%Ln pieces come back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleSummary</name>
    <message numerus="yes">
        <source>To everyone except %Ln contacts.</source>
        <translation>
            <numerusform>To everyone except %Ln contact.</numerusform>
            <numerusform>To everyone except %Ln contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only to %Ln contacts.</source>
        <translation>
            <numerusform>Only to %Ln contact.</numerusform>
            <numerusform>Only to %Ln contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent when a customer writes for the first time or after %Ln days of silence.</source>
        <translation>
            <numerusform>Sent when a customer writes for the first time or after %Ln day of silence.</numerusform>
            <numerusform>Sent when a customer writes for the first time or after %Ln days of silence.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not if you replied in the last %Ln minutes.</source>
        <translation>
            <numerusform>Not if you replied in the last %Ln minute.</numerusform>
            <numerusform>Not if you replied in the last %Ln minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Once per customer each time you are away, and not if you replied in the last %Ln minutes.</source>
        <translation>
            <numerusform>Once per customer each time you are away, and not if you replied in the last %Ln minute.</numerusform>
            <numerusform>Once per customer each time you are away, and not if you replied in the last %Ln minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%Ln recent results</source>
        <translation>
            <numerusform>%Ln recent result</numerusform>
            <numerusform>%Ln recent results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln results</source>
        <translation>
            <numerusform>%Ln result</numerusform>
            <numerusform>%Ln results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln chats</source>
        <translation>
            <numerusform>%Ln chat</numerusform>
            <numerusform>%Ln chats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendFromBox</name>
    <message numerus="yes">
        <source>%n never wrote to you: from the number your relay is set up with.</source>
        <translation>
            <numerusform>%n never wrote to you: from the number your relay is set up with.</numerusform>
            <numerusform>%n never wrote to you: from the number your relay is set up with.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) never wrote to {0}: it reaches them from a number they may not know, and their replies come to {0}.</source>
        <translation>
            <numerusform>%n recipient never wrote to {0}: it reaches them from a number they may not know, and their replies come to {0}.</numerusform>
            <numerusform>%n recipients never wrote to {0}: it reaches them from a number they may not know, and their replies come to {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>Of this, {size} is taken by %Ln earlier inboxes kept when backups were restored.</source>
        <translation>
            <numerusform>Of this, {size} is taken by %Ln earlier inbox kept when a backup was restored.</numerusform>
            <numerusform>Of this, {size} is taken by %Ln earlier inboxes kept when backups were restored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message numerus="yes">
        <source>%Ln chat(s)</source>
        <translation>
            <numerusform>%Ln chat</numerusform>
            <numerusform>%Ln chats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackingReport</name>
    <message numerus="yes">
        <source>%Ln row(s) were already registered: those orders carry these tracking numbers.</source>
        <translation>
            <numerusform>%Ln row was already registered: that order carries this tracking number.</numerusform>
            <numerusform>%Ln rows were already registered: those orders carry these tracking numbers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackingReviewDialog</name>
    <message numerus="yes">
        <source>%Ln order(s) can be marked shipped.</source>
        <translation>
            <numerusform>%Ln order can be marked shipped.</numerusform>
            <numerusform>%Ln orders can be marked shipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) need your look and are not ticked.</source>
        <translation>
            <numerusform>%Ln row needs your look and is not ticked.</numerusform>
            <numerusform>%Ln rows need your look and are not ticked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) match nothing and are left out.</source>
        <translation>
            <numerusform>%Ln row matches nothing and is left out.</numerusform>
            <numerusform>%Ln rows match nothing and are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %Ln row(s)</source>
        <translation>
            <numerusform>Apply %Ln row</numerusform>
            <numerusform>Apply %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln more item(s)</source>
        <translation>
            <numerusform>+%Ln more item</numerusform>
            <numerusform>+%Ln more items</numerusform>
        </translation>
    </message>
</context>
</TS>