<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AudienceBox</name>
    <message>
        <source>Audience</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>with any of these labels</source>
        <translation>이 라벨 중 하나라도 있는</translation>
    </message>
    <message>
        <source>with all of these labels</source>
        <translation>이 라벨이 모두 있는</translation>
    </message>
    <message>
        <source> days</source>
        <translation>일</translation>
    </message>
    <message>
        <source> months</source>
        <translation>개월</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>받는 사람</translation>
    </message>
    <message>
        <source>&amp;Bought</source>
        <translation>구매한 상품(&amp;B):</translation>
    </message>
    <message>
        <source>Remo&amp;ve from campaign</source>
        <translation>캠페인에서 제거(&amp;V)</translation>
    </message>
    <message>
        <source>Only customers you took out can be added back.</source>
        <translation>직접 뺀 고객만 다시 넣을 수 있어요.</translation>
    </message>
    <message>
        <source>The others are left out for the reason beside them: without consent, they must agree first.</source>
        <translation>다른 고객은 옆에 적힌 이유로 제외됐어요. 수신 동의가 없는 고객은 먼저 동의를 받아야 해요.</translation>
    </message>
    <message>
        <source>E&amp;xcluded</source>
        <translation>제외됨(&amp;X)</translation>
    </message>
    <message>
        <source>in the last</source>
        <translation>기간:</translation>
    </message>
    <message>
        <source>Wrote to &amp;you in the last</source>
        <translation>최근 메시지를 보낸 기간(&amp;Y):</translation>
    </message>
    <message>
        <source> day</source>
        <translation>일</translation>
    </message>
    <message>
        <source> month</source>
        <translation>개월</translation>
    </message>
    <message>
        <source>Waiting for the restoc&amp;k of</source>
        <translation>재입고를 기다리는 상품(&amp;K):</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>제외됨</translation>
    </message>
    <message>
        <source>Add ba&amp;ck</source>
        <translation>다시 넣기(&amp;C)</translation>
    </message>
    <message>
        <source>Add a &amp;customer…</source>
        <translation>고객 추가(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Recipients</source>
        <translation>받는 사람(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xcluded ({0})</source>
        <translation>제외됨(&amp;X) ({0})</translation>
    </message>
    <message>
        <source>C&amp;ustomers</source>
        <translation>고객(&amp;U)</translation>
    </message>
    <message>
        <source>anything</source>
        <translation>아무 상품</translation>
    </message>
    <message>
        <source>from the collection “{0}”</source>
        <translation>“{0}” 컬렉션 상품</translation>
    </message>
    <message>
        <source>{0} ({1} waiting)</source>
        <translation>{0} ({1}명 대기)</translation>
    </message>
    <message>
        <source>With no label ticked, it goes to every customer who meets the conditions below.</source>
        <translation>라벨을 고르지 않으면 아래 조건에 맞는 모든 고객에게 보내요.</translation>
    </message>
    <message>
        <source>With no label ticked, it goes to every customer.</source>
        <translation>라벨을 고르지 않으면 모든 고객에게 보내요.</translation>
    </message>
    <message>
        <source>Will be sent to {0} · {1} excluded</source>
        <translation>{0}명에게 보낼 예정 · {1}명 제외</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <comment>why customers are left out, then how many</comment>
        <translation>{0} {1}명</translation>
    </message>
    <message numerus="yes">
        <source>Leave out the %Ln customer(s) in the &amp;queue for a person</source>
        <translation>
            <numerusform>상담을 기다리는 고객 %Ln명에게는 보내지 않기(&amp;Q)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Recipients ({0})</source>
        <translation>받는 사람(&amp;R) ({0})</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Select a customer to read the whole reason.</source>
        <translation>고객을 고르면 제외된 이유를 모두 볼 수 있어요.</translation>
    </message>
    <message>
        <source>Add a customer</source>
        <translation>고객 추가</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
</context>
<context>
    <name>AutomationDialog</name>
    <message>
        <source>Your relay is an older version that cannot fill in the Business hours field itself, so this computer writes your hours into the texts when it sends them: on Save, and again when it connects on a later day. Update the relay so customers always get your hours as they stand.</source>
        <translation>연결된 릴레이가 ‘영업시간’ 필드를 직접 채우지 못하는 이전 버전이에요. 그래서 이&#xa0;컴퓨터가 보낼 때 영업시간을 글에 직접 적어 보내요: 저장할 때, 그리고 다른 날 다시 연결될 때요. 릴레이를 업데이트하면 고객이 언제나 지금의 영업시간을 받아요.</translation>
    </message>
    <message>
        <source>Changed elsewhere just now (on another computer or in another window): this is what the relay has now.</source>
        <translation>방금 다른 곳(다른 컴퓨터나 다른 창)에서 바뀌었어요. 지금 릴레이에 있는 내용이 보이고 있어요.</translation>
    </message>
    <message>
        <source>Saved. Sending to the relay…</source>
        <translation>저장했어요. 릴레이로 보내는 중…</translation>
    </message>
    <message>
        <source>Saved on this computer. It goes to the relay once one is connected.</source>
        <translation>이&#xa0;컴퓨터에 저장했어요. 릴레이를 연결하면 릴레이로 보내져요.</translation>
    </message>
    <message>
        <source>Saved. The relay has it: switched off, it goes to no one from now on.</source>
        <translation>저장했어요. 릴레이에도 반영되어 지금부터 아무에게도 보내지 않아요.</translation>
    </message>
    <message>
        <source>Saved. The relay has it: customers get it from now on.</source>
        <translation>저장했어요. 릴레이에도 반영되어 지금부터 고객에게 적용돼요.</translation>
    </message>
    <message>
        <source>Saved on this computer. It goes to the relay as soon as the relay answers.</source>
        <translation>이&#xa0;컴퓨터에 저장했어요. 릴레이가 응답하면 바로 보내요.</translation>
    </message>
    <message>
        <source>Use the other version?</source>
        <translation>다른 버전을 사용할까요?</translation>
    </message>
    <message>
        <source>&amp;Use the other version</source>
        <translation>다른 버전 사용(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>계속 수정(&amp;K)</translation>
    </message>
    <message>
        <source>The changes you made in “{0}” and have not saved will be gone, and the window will show the other version.</source>
        <translation>“{0}”에서 바꾸고 아직 저장하지 않은 내용이 사라지고, 창에는 다른 버전이 보여요.</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>저장하지 않은 내용:</translation>
    </message>
    <message>
        <source>Save the changes to “{0}”?</source>
        <translation>“{0}”의 변경 사항을 저장할까요?</translation>
    </message>
</context>
<context>
    <name>AwayEditor</name>
    <message>
        <source>Away message</source>
        <translation>자리 비움 메시지</translation>
    </message>
    <message>
        <source>Thanks for your message! We&apos;re closed now and will answer soon.</source>
        <translation>메시지 감사합니다! 지금은 영업시간이 아니에요. 곧 답장 드릴게요.</translation>
    </message>
    <message>
        <source>Send an a&amp;way message</source>
        <translation>자리 비움 메시지 보내기(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Always</source>
        <translation>항상(&amp;A)</translation>
    </message>
    <message>
        <source>Custom weekly sc&amp;hedule</source>
        <translation>요일별 직접 설정(&amp;H)</translation>
    </message>
    <message>
        <source>Outside &amp;business hours</source>
        <translation>영업시간 외(&amp;B)</translation>
    </message>
    <message>
        <source>Away all day</source>
        <translation>하루 종일 자리 비움</translation>
    </message>
    <message>
        <source>Not away</source>
        <translation>자리 비움 아님</translation>
    </message>
    <message>
        <source>Away at</source>
        <translation>자리 비움 시간</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>보낼 때</translation>
    </message>
    <message>
        <source>Times on the shop&apos;s clock ({0}), as in Business hours.</source>
        <translation>영업시간과 같이 가게 시간({0}) 기준이에요.</translation>
    </message>
</context>
<context>
    <name>AwayNotice</name>
    <message>
        <source>The away message is on at all hours: every customer who writes gets it.</source>
        <translation>자리 비움 메시지를 항상 보내는 중이에요. 메시지를 보내는 모든 고객이 받아요.</translation>
    </message>
    <message>
        <source>The away message is on at all hours.</source>
        <translation>자리 비움 메시지를 항상 보내도록 설정했어요.</translation>
    </message>
    <message>
        <source>Send the away message only at its hours again</source>
        <translation>자리 비움 메시지를 정해 둔 시간에만 다시 보내요</translation>
    </message>
    <message>
        <source>Back to your away hours</source>
        <translation>정해 둔 자리 비움 시간으로 돌리기</translation>
    </message>
    <message>
        <source>Only outside business hours</source>
        <translation>영업시간 외에만 보내기</translation>
    </message>
    <message>
        <source>Away hours until {0}.</source>
        <translation>{0}까지 자리 비움 시간이에요.</translation>
    </message>
    <message>
        <source>Away hours now.</source>
        <translation>지금은 자리 비움 시간이에요.</translation>
    </message>
    <message>
        <source>Away hours until {0}: customers who write get your away message.</source>
        <translation>{0}까지 자리 비움 시간이에요. 메시지를 보내는 고객은 자리 비움 메시지를 받아요.</translation>
    </message>
    <message>
        <source>Away hours now: customers who write get your away message.</source>
        <translation>지금은 자리 비움 시간이에요. 메시지를 보내는 고객은 자리 비움 메시지를 받아요.</translation>
    </message>
    <message>
        <source>Your relay is sending the away message as another computer changed it: choose which version to keep above the chat.</source>
        <translation>릴레이가 다른 컴퓨터에서 바꾼 대로 자리 비움 메시지를 보내고 있어요. 채팅 위에서 어느 버전을 남길지 골라 주세요.</translation>
    </message>
    <message>
        <source>Your relay still sends the away message you switched off, until {0}.</source>
        <translation>끈 자리 비움 메시지를 릴레이가 {0}까지 계속 보내요.</translation>
    </message>
    <message>
        <source>Your relay still sends the away message you switched off.</source>
        <translation>끈 자리 비움 메시지를 릴레이가 계속 보내요.</translation>
    </message>
    <message>
        <source>Your relay still sends your away message on its old hours, until {0}.</source>
        <translation>릴레이가 바꾸기 전 시간대로 {0}까지 자리 비움 메시지를 보내요.</translation>
    </message>
    <message>
        <source>Your relay still sends your away message now, on its old hours.</source>
        <translation>릴레이가 바꾸기 전 시간대로 지금 자리 비움 메시지를 보내요.</translation>
    </message>
    <message>
        <source>It refused your change: press Fix above the chat.</source>
        <translation>변경을 거부했어요. 채팅 위 고치기를 눌러 주세요.</translation>
    </message>
    <message>
        <source>Your change goes once Shop Inbox reaches the relay again.</source>
        <translation>샵&#xa0;인박스가 릴레이에 다시 연결되면 변경이 전달돼요.</translation>
    </message>
    <message>
        <source>Shop Inbox keeps trying to send your change.</source>
        <translation>샵&#xa0;인박스가 변경을 계속 보내고 있어요.</translation>
    </message>
    <message>
        <source>But your relay has none from you yet: customers get no away message.</source>
        <translation>하지만 릴레이에 아직 설정이 없어서 고객은 자리 비움 메시지를 받지 못해요.</translation>
    </message>
    <message>
        <source>But your relay refused your rules: customers get no away message.</source>
        <translation>하지만 릴레이가 설정을 거부해서 고객은 자리 비움 메시지를 받지 못해요.</translation>
    </message>
    <message>
        <source>But your relay refused your change: customers get the one it had before, if any.</source>
        <translation>하지만 릴레이가 변경 내용을 거부해서 고객은 이전 메시지를 받아요(켜져 있었다면요).</translation>
    </message>
    <message>
        <source>Until your relay takes your change, customers get the one it had before, if any.</source>
        <translation>릴레이가 변경 내용을 받을 때까지 고객은 이전 메시지를 받아요(켜져 있었다면요).</translation>
    </message>
    <message>
        <source>But your relay refused your change: customers who write now get the one it had before.</source>
        <translation>하지만 릴레이가 변경 내용을 거부해서 지금은 고객이 이전 메시지를 받아요.</translation>
    </message>
    <message>
        <source>Until your relay takes your change, customers who write now get the one it had before.</source>
        <translation>릴레이가 변경 내용을 받을 때까지 지금은 고객이 이전 메시지를 받아요.</translation>
    </message>
    <message>
        <source>But your relay refused your change and has it switched off: customers get none.</source>
        <translation>하지만 릴레이가 변경 내용을 거부했고, 릴레이에서는 꺼져 있어서 고객은 받지 못해요.</translation>
    </message>
    <message>
        <source>Until your relay takes your change, customers get none: the relay has it switched off.</source>
        <translation>릴레이가 변경 내용을 받을 때까지 고객은 받지 못해요. 릴레이에서는 꺼져 있어요.</translation>
    </message>
    <message>
        <source>But your relay refused your change and is outside its away hours now: customers get none.</source>
        <translation>하지만 릴레이가 변경 내용을 거부했고, 지금은 릴레이의 자리 비움 시간이 아니라서 고객은 받지 못해요.</translation>
    </message>
    <message>
        <source>Until your relay takes your change, customers get none now: it is outside its away hours.</source>
        <translation>릴레이가 변경 내용을 받을 때까지 지금은 고객이 받지 못해요. 릴레이의 자리 비움 시간이 아니에요.</translation>
    </message>
    <message>
        <source>But your relay uses another computer&apos;s version: customers get its away message now.</source>
        <translation>하지만 릴레이는 다른 컴퓨터에서 바꾼 버전을 써서, 지금은 고객이 그&#xa0;버전의 자리 비움 메시지를 받아요.</translation>
    </message>
    <message>
        <source>But your relay uses another computer&apos;s version, which has it switched off: customers get none.</source>
        <translation>하지만 릴레이는 자리 비움 메시지를 끈, 다른 컴퓨터에서 바꾼 버전을 써서 고객은 받지 못해요.</translation>
    </message>
    <message>
        <source>But your relay uses another computer&apos;s version, which is not in its away hours now: customers get none.</source>
        <translation>하지만 릴레이가 쓰는 다른 컴퓨터의 버전은 지금 자리 비움 시간이 아니라서 고객은 받지 못해요.</translation>
    </message>
</context>
<context>
    <name>BackupNow</name>
    <message>
        <source>shop-inbox-demo-backup</source>
        <comment>the demo&apos;s backup file&apos;s name, no spaces</comment>
        <translation>샵인박스-데모-백업</translation>
    </message>
    <message>
        <source>shop-inbox-backup</source>
        <comment>a backup file&apos;s name, no spaces</comment>
        <translation>샵인박스-백업</translation>
    </message>
    <message>
        <source>Save backup</source>
        <translation>백업 저장</translation>
    </message>
    <message>
        <source>Backup saved to {path}.</source>
        <translation>백업을 {path}에 저장했어요.</translation>
    </message>
    <message>
        <source>The backup failed: there is no room for it on that disk. Nothing was lost. Save it on another disk, such as a USB stick, or free some space.</source>
        <translation>백업하지 못했어요. 그&#xa0;디스크에 자리가 없어요. 잃어버린 것은 없어요. USB 메모리 같은 다른 디스크에 저장하거나 공간을 비워 주세요.</translation>
    </message>
    <message>
        <source>The backup failed: {error}</source>
        <translation>백업하지 못했어요. {error}</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>The restored settings back up every day to a drive that is not plugged in:
{folder}
If it is the USB stick or disk you used with your old computer, plug it in here; otherwise choose a folder on this computer.</source>
        <translation>복원한 설정은 연결되어 있지 않은 드라이브에 매일 백업해요.
{folder}
이전 컴퓨터에서 쓰던 USB 메모리나 외장 디스크라면 이&#xa0;컴퓨터에 꽂아 주세요. 아니면 이&#xa0;컴퓨터의 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>The daily backup folder from your old computer isn&apos;t on this computer:
{folder}
Choose a folder on this computer for the daily backups.</source>
        <translation>이전 컴퓨터의 매일 백업 폴더가 이&#xa0;컴퓨터에는 없어요.
{folder}
매일 백업할 폴더를 이&#xa0;컴퓨터에서 골라 주세요.</translation>
    </message>
    <message>
        <source>Daily backup folder not found</source>
        <translation>매일 백업 폴더를 찾을 수 없어요</translation>
    </message>
    <message>
        <source>&amp;Choose a folder…</source>
        <translation>폴더 고르기(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>나중에(&amp;L)</translation>
    </message>
</context>
<context>
    <name>BatchMessagesDialog</name>
    <message>
        <source>Messages to the customers</source>
        <translation>고객에게 보낼 메시지</translation>
    </message>
    <message>
        <source>Payment reminders</source>
        <translation>입금 안내 (리마인더)</translation>
    </message>
    <message>
        <source>&amp;Send ticked messages</source>
        <translation>체크한 메시지 보내기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation>보내지 않기(&amp;D)</translation>
    </message>
    <message>
        <source>No message for {names}: no phone number in this inbox (a chat from a phone export). Add the number in the chat to send one.</source>
        <translation>{names}님에게 보낼 메시지는 없어요. 이&#xa0;인박스에 전화번호가 없어요 (휴대폰에서 내보낸 채팅이에요). 보내려면 채팅에서 전화번호를 추가하세요.</translation>
    </message>
</context>
<context>
    <name>BatchMessagesModel</name>
    <message>
        <source>{customer} · {number} · {amount} · due {due}</source>
        <translation>{customer} · {number} · {amount} · {due}까지</translation>
    </message>
    <message>
        <source>{customer} · {number} · {amount}</source>
        <translation>{customer} · {number} · {amount}</translation>
    </message>
    <message>
        <source>outside the 24-hour window, and its template has too many values</source>
        <translation>최근 24시간 동안 고객의 메시지가 없고, 템플릿의 값 자리가 너무 많아요</translation>
    </message>
    <message>
        <source>outside the 24-hour window, no template chosen</source>
        <translation>최근 24시간 동안 고객의 메시지가 없고 지정된 템플릿이 없음</translation>
    </message>
    <message>
        <source>outside the 24-hour window, and its template names what this order lacks</source>
        <translation>최근 24시간 동안 고객의 메시지가 없고 템플릿에 넣을 값이 이&#xa0;주문에 없음</translation>
    </message>
    <message>
        <source>outside the 24-hour window, and no bank account for its template</source>
        <translation>최근 24시간 동안 고객의 메시지가 없고 템플릿에 넣을 입금 계좌가 없음</translation>
    </message>
    <message>
        <source>Transfer due: {0}</source>
        <translation>입금 기한: {0}</translation>
    </message>
</context>
<context>
    <name>BotEditor</name>
    <message>
        <source>Menu bot</source>
        <translation>메뉴 봇</translation>
    </message>
    <message>
        <source>Main menu</source>
        <translation>주 메뉴</translation>
    </message>
    <message>
        <source>Menu in another language</source>
        <translation>다른 언어 메뉴</translation>
    </message>
    <message>
        <source>Menu being edited</source>
        <translation>편집 중인 메뉴</translation>
    </message>
    <message>
        <source>Customers who write in other letters than the main menu (English to a Korean menu) get this menu. Switching the bot on and off, its pause and its messages per hour are the main menu&apos;s. Leave it empty and every customer gets the main menu.</source>
        <translation>주 메뉴와 다른 문자로 메시지를 보내는 고객(한국어 메뉴에 영어로 쓰는 고객 등)은 이&#xa0;메뉴를 받아요. 봇 켜기·끄기, 멈추는 시간, 시간당 메시지 수는 주 메뉴의 설정을 따라요. 비워 두면 모든 고객이 주 메뉴를 받아요.</translation>
    </message>
    <message>
        <source>Start &amp;from the ready-made shop menu</source>
        <translation>기본 상점 메뉴로 시작하기(&amp;F)</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>메뉴</translation>
    </message>
    <message>
        <source>Keyword answers, first match answers</source>
        <translation>키워드 답변 (먼저 맞는 답변이 나가요)</translation>
    </message>
    <message>
        <source>Editin&amp;g:</source>
        <translation>편집 중(&amp;G):</translation>
    </message>
    <message>
        <source>Ke&amp;yword answers</source>
        <translation>키워드 답변(&amp;Y)</translation>
    </message>
    <message>
        <source>e.g. Shipping fee (only you see it)</source>
        <translation>예: 배송비 안내 (사장님께만 보여요)</translation>
    </message>
    <message>
        <source>Name of this answer</source>
        <translation>이 답변의 이름</translation>
    </message>
    <message>
        <source>배송비, 택배비, shipping</source>
        <translation>배송비, 택배비, shipping</translation>
    </message>
    <message>
        <source>Keywords, separated by commas</source>
        <translation>키워드 (쉼표로 구분)</translation>
    </message>
    <message>
        <source>Answer with a text</source>
        <translation>글로 답하기</translation>
    </message>
    <message>
        <source>Show a menu</source>
        <translation>메뉴 보여주기</translation>
    </message>
    <message>
        <source>Hand the chat to a person</source>
        <translation>상담원에게 넘기기</translation>
    </message>
    <message>
        <source>Tell the customer&apos;s order status</source>
        <translation>고객의 주문 상태 알려주기</translation>
    </message>
    <message>
        <source>Answer text</source>
        <translation>답변 내용</translation>
    </message>
    <message>
        <source>Menu to show</source>
        <translation>보여줄 메뉴</translation>
    </message>
    <message>
        <source>M&amp;enu</source>
        <translation>메뉴(&amp;E)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>The first answer whose keywords match is sent. Drag to reorder.</source>
        <translation>키워드가 맞는 첫&#xa0;번째 답변이 나가요. 끌어서 순서를 바꿀 수 있어요.</translation>
    </message>
    <message>
        <source>Answer &amp;customers with the menu bot</source>
        <translation>메뉴 봇으로 고객에게 답하기(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Join the menu to the greeting</source>
        <translation>인사 메시지에 메뉴 붙이기(&amp;J)</translation>
    </message>
    <message>
        <source>A customer who gets the greeting and asks nothing the bot knows gets the main menu under it, in one message. The greeting must be on (Shop ▸ Greeting message).</source>
        <translation>인사 메시지를 받는 고객이 봇이 답할 수 없는 말을 보내면, 인사 메시지 아래에 처음 메뉴를 붙여 한&#xa0;메시지로 보내요. 인사 메시지가 켜져 있어야 해요(상점&#xa0;▸&#xa0;인사&#xa0;메시지).</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Menu</source>
        <translation>메뉴(&amp;M)</translation>
    </message>
    <message>
        <source>Ta&amp;lk to a person</source>
        <translation>상담원 연결(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;port</source>
        <translation>보고서(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Add answer</source>
        <translation>답변 추가(&amp;A)</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>삭제(&amp;V)</translation>
    </message>
    <message>
        <source>Match whole wor&amp;ds only</source>
        <translation>낱말 전체가 같을 때만(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>이름(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;When a message contains</source>
        <translation>메시지에 이 말이 있으면(&amp;W)</translation>
    </message>
    <message>
        <source>T&amp;hen</source>
        <translation>그러면(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>내용(&amp;T)</translation>
    </message>
    <message>
        <source>(no keywords yet)</source>
        <translation>(아직 키워드 없음)</translation>
    </message>
    <message>
        <source>Menu tree</source>
        <translation>메뉴 구성</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Optional: small text under the title in the list</source>
        <translation>선택: 목록에서 제목 아래에 작게 보이는 글</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>구역</translation>
    </message>
    <message>
        <source>Optional: items with the same section are listed together under its name</source>
        <translation>선택: 구역 이름이 같은 항목은 목록에서 그&#xa0;이름 아래에 함께 보여요</translation>
    </message>
    <message>
        <source>Open a menu</source>
        <translation>메뉴 열기</translation>
    </message>
    <message>
        <source>Go back one menu</source>
        <translation>이전 메뉴로</translation>
    </message>
    <message>
        <source>List (up to 10 rows)</source>
        <translation>목록 (최대 10개)</translation>
    </message>
    <message>
        <source>Buttons (up to 3)</source>
        <translation>버튼 (최대 3개)</translation>
    </message>
    <message>
        <source>List button text</source>
        <translation>목록 버튼 이름</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>제목(&amp;T)</translation>
    </message>
    <message>
        <source>Sectio&amp;n</source>
        <translation>구역(&amp;N)</translation>
    </message>
    <message>
        <source>T&amp;ext</source>
        <translation>내용(&amp;E)</translation>
    </message>
    <message>
        <source>List butt&amp;on</source>
        <translation>목록 버튼(&amp;O)</translation>
    </message>
    <message>
        <source>Text answers get a &amp;quick button to the menu</source>
        <translation>글 답변에 처음 메뉴로 돌아가는 버튼 달기(&amp;Q)</translation>
    </message>
    <message>
        <source>Under every text answer, a button that shows the main menu again. Replies that hand the chat to a person have none.</source>
        <translation>글로 한&#xa0;답변마다 아래에 처음 메뉴를 다시 보여 주는 버튼이 붙어요. 상담원에게 넘기는 답변에는 붙지 않아요.</translation>
    </message>
    <message>
        <source>What the customer gets on tapping it</source>
        <translation>고객이 누르면 받는 메시지</translation>
    </message>
    <message>
        <source>(no title yet)</source>
        <translation>(제목 없음)</translation>
    </message>
    <message>
        <source>Only {limit} characters fit. The end was cut off.</source>
        <translation>{limit}자까지만 들어가요. 뒤는 잘렸어요.</translation>
    </message>
    <message>
        <source>Only {limit} characters fit.</source>
        <translation>{limit}자까지만 들어가요.</translation>
    </message>
    <message>
        <source>To see the preview, fix this first: {0}</source>
        <translation>미리 보려면 먼저 이&#xa0;문제를 고쳐 주세요: {0}</translation>
    </message>
    <message>
        <source>Nothing: the bot stays quiet.</source>
        <translation>없음: 봇이 답하지 않아요.</translation>
    </message>
    <message>
        <source>(The chat goes to a person; the bot stays quiet there.)</source>
        <translation>(채팅이 상담원에게 넘어가고, 그&#xa0;채팅에서는 봇이 답하지 않아요.)</translation>
    </message>
    <message>
        <source>New choice</source>
        <translation>새 항목</translation>
    </message>
    <message>
        <source>How can we help?</source>
        <translation>무엇을 도와드릴까요?</translation>
    </message>
    <message>
        <source>Hand-off keywords, separated by commas</source>
        <translation>상담원 연결 키워드 (쉼표로 구분)</translation>
    </message>
    <message>
        <source>Hand-off reply</source>
        <translation>상담원 연결 답변</translation>
    </message>
    <message>
        <source> hours</source>
        <translation>시간</translation>
    </message>
    <message>
        <source> hour</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>A customer who writes one of these words as the whole message is handed to you, and the bot stays quiet in that chat for the time below. Any message you send in a chat pauses the bot there too.</source>
        <translation>고객이 메시지 전체로 이&#xa0;말 중 하나를 보내면 채팅이 사장님께 넘어오고, 아래 시간 동안 그&#xa0;채팅에서는 봇이 답하지 않아요. 사장님이 채팅에 메시지를 보내도 그&#xa0;채팅의 봇은 잠시 멈춰요.</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>답변(&amp;R)</translation>
    </message>
    <message>
        <source>Hand-off words</source>
        <translation>상담원 연결 요청 문구</translation>
    </message>
    <message>
        <source>The menu in another language goes beyond what WhatsApp allows: choose it under “Editing” to see where.</source>
        <translation>다른 언어 메뉴가 WhatsApp 제한을 넘어요: “편집 중”에서 다른 언어 메뉴를 골라 어디인지 확인해 주세요.</translation>
    </message>
    <message>
        <source>The main menu goes beyond what WhatsApp allows: choose it under “Editing” to see where.</source>
        <translation>주 메뉴가 WhatsApp 제한을 넘어요: “편집 중”에서 주 메뉴를 골라 어디인지 확인해 주세요.</translation>
    </message>
    <message>
        <source>The answer “{0}” writes a text before its menu: together with the menu&apos;s own text it is longer than the {1} characters WhatsApp shows above a menu. Shorten one of them.</source>
        <translation>답변 “{0}”은(는) 메뉴 앞에 글을 먼저 써요. 메뉴의 글과 합치면 WhatsApp이 메뉴 위에 보여 주는 {1}자를 넘어요. 둘 중 하나를 줄여 주세요.</translation>
    </message>
    <message>
        <source>The text of “{0}” has {1} characters once today&apos;s business hours and shop name are filled in: WhatsApp shows at most {2} above a menu. Shorten it.</source>
        <translation>“{0}”의 내용은 오늘의 영업시간과 가게 이름을 채우면 {1}자예요. WhatsApp은 메뉴 위에 {2}자까지만 보여 줘요. 내용을 줄여 주세요.</translation>
    </message>
    <message>
        <source>The greeting is off, so no menu goes with it: switch it on in Shop ▸ Greeting message.</source>
        <translation>인사 메시지가 꺼져 있어서 메뉴도 함께 나가지 않아요. 상점&#xa0;▸&#xa0;인사&#xa0;메시지에서 켜 주세요.</translation>
    </message>
    <message>
        <source>{0} still gives the example hours (weekdays 9 AM to 6 PM): put the Business hours field in its text, and customers get your hours from Shop ▸ Business hours.</source>
        <translation>{0}은(는) 아직 예시 영업시간(평일 오전 9시~오후 6시)을 알려 줘요. 내용에 ‘영업시간’ 필드를 넣으면 고객이 상점&#xa0;▸&#xa0;영업시간에 정한 시간을 받아요.</translation>
    </message>
    <message>
        <source>Customers who tap {0} get no answer yet: write what the bot says in its Text.</source>
        <translation>고객이 {0}을(를) 누르면 아직 아무 답도 받지 못해요: 내용에 봇이 보낼 글을 적어 주세요.</translation>
    </message>
    <message>
        <source>The answer {0} has no text yet: customers whose message it matches get nothing back.</source>
        <translation>답변 {0}에 아직 내용이 없어요: 이&#xa0;답변에 맞는 메시지를 보낸 고객은 아무 답도 받지 못해요.</translation>
    </message>
    <message>
        <source>The menu “{0}” has two buttons called “{1}”: WhatsApp needs a different title on each.</source>
        <translation>메뉴 “{0}”에 제목이 “{1}”인 버튼이 둘 있어요: WhatsApp에서는 버튼마다 제목이 달라야 해요.</translation>
    </message>
    <message>
        <source>The title of “{0}” has {1} characters: a button&apos;s title may have at most {2}.</source>
        <translation>“{0}”의 제목이 {1}자예요: 버튼 제목은 {2}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>The title of “{0}” has {1} characters: a list row&apos;s title may have at most {2}.</source>
        <translation>“{0}”의 제목이 {1}자예요: 목록 항목의 제목은 {2}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>The text of the menu “{0}” has {1} characters: WhatsApp shows at most {2} above a menu.</source>
        <translation>메뉴 “{0}”의 내용이 {1}자예요: WhatsApp은 메뉴 위에 {2}자까지만 보여 줘요.</translation>
    </message>
    <message>
        <source>The text of “{0}” has {1} characters: WhatsApp sends at most {2} in one message.</source>
        <translation>“{0}”의 내용이 {1}자예요: WhatsApp은 메시지 하나에 {2}자까지만 보내요.</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>바꾸기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add choice</source>
        <translation>항목 추가(&amp;A)</translation>
    </message>
    <message>
        <source>Moves the chosen choice up ({0})</source>
        <translation>선택한 항목을 위로 옮겨요({0})</translation>
    </message>
    <message>
        <source>Moves the chosen choice down ({0})</source>
        <translation>선택한 항목을 아래로 옮겨요({0})</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>설명(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;When tapped</source>
        <translation>누르면(&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;hown as</source>
        <translation>보여주는 방식(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Hand-off words</source>
        <translation>상담원 연결 요청 문구(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Bot stays quiet for</source>
        <translation>봇이 쉬는 시간(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;At most bot messages per chat per hour</source>
        <translation>채팅 하나에 한 시간 동안 봇 메시지 최대(&amp;A)</translation>
    </message>
    <message>
        <source>Keyword answer: {0}</source>
        <translation>키워드 답변: {0}</translation>
    </message>
    <message>
        <source>When a message contains: {0}</source>
        <translation>메시지에 이&#xa0;말이 있을 때: {0}</translation>
    </message>
    <message>
        <source>Menu: {0}</source>
        <translation>메뉴: {0}</translation>
    </message>
    <message>
        <source>A tap on a menu that has changed</source>
        <translation>바뀐 메뉴를 누름</translation>
    </message>
    <message>
        <source>Welcome menu with the greeting</source>
        <translation>인사 메시지와 함께 보낸 처음 메뉴</translation>
    </message>
    <message>
        <source>Removed since: {0}</source>
        <translation>지금은 없는 항목: {0}</translation>
    </message>
    <message>
        <source>“{0}” still gives the example account number {1}: write your shop&apos;s account there before the bot answers customers.</source>
        <translation>“{0}”에 아직 예시 계좌번호 {1}이(가) 있어요. 봇이 고객에게 답하기 전에 가게 계좌로 바꿔 주세요.</translation>
    </message>
    <message>
        <source>The bot&apos;s answers give your bank account, but none is set yet: write it in Shop ▸ Order settings ▸ Shipping and payment before the bot answers customers.</source>
        <translation>봇의 답변에 입금 계좌가 들어가는데 아직 계좌가 없어요. 봇이 고객에게 답하기 전에 상점&#xa0;▸&#xa0;주문&#xa0;설정&#xa0;▸&#xa0;배송&#xa0;및&#xa0;결제에서 계좌를 적어 주세요.</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; alone answers only a message that is exactly &quot;{0}&quot;: tick &quot;Match whole words only&quot; to find it inside sentences.</source>
        <translation>“{0}” 한&#xa0;단어만 있으면 메시지 전체가 정확히 “{0}”일 때만 답해요: 문장 속에서도 찾으려면 “낱말 전체가 같을 때만”을 선택해 주세요.</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; is inside &quot;{1}&quot;: the answer listed first wins for both.</source>
        <translation>“{0}”은(는) “{1}” 안에 있어요: 둘 다 목록에서 먼저 나온 답변이 나가요.</translation>
    </message>
    <message>
        <source>Check the menu bot: an id or a number is not valid.</source>
        <translation>메뉴 봇을 확인해 주세요: 아이디나 숫자가 올바르지 않아요.</translation>
    </message>
    <message>
        <source>The title of the button back to the main menu is empty or too long.</source>
        <translation>처음 메뉴로 돌아가는 버튼의 제목이 비어 있거나 너무 길어요.</translation>
    </message>
    <message>
        <source>A menu entry has no title yet.</source>
        <translation>아직 제목이 없는 메뉴 항목이 있어요.</translation>
    </message>
    <message>
        <source>A choice in the menu “{0}” has no title yet.</source>
        <translation>메뉴 “{0}”에 아직 제목이 없는 항목이 있어요.</translation>
    </message>
    <message>
        <source>The answer “{0}” shows “{1}”, which is no longer a menu.</source>
        <translation>답변 “{0}”이(가) 보여주는 “{1}”은(는) 이제 메뉴가 아니에요.</translation>
    </message>
    <message>
        <source>The menu “{0}” has more than 10 rows.</source>
        <translation>메뉴 “{0}”의 항목이 10개를 넘어요.</translation>
    </message>
    <message>
        <source>The menu “{0}” has more than 3 buttons: show it as a list.</source>
        <translation>메뉴 “{0}”의 버튼이 3개를 넘어요: 목록으로 보여 주세요.</translation>
    </message>
    <message>
        <source>The title of “{0}” is empty or too long.</source>
        <translation>“{0}”의 제목이 비었거나 너무 길어요.</translation>
    </message>
    <message>
        <source>The description of “{0}” is too long.</source>
        <translation>“{0}”의 설명이 너무 길어요.</translation>
    </message>
    <message>
        <source>“{0}” needs a section title: a list with several sections names each.</source>
        <translation>“{0}”에 구역 이름이 필요해요: 구역이 여럿인 목록은 구역마다 이름이 있어야 해요.</translation>
    </message>
    <message>
        <source>The section title of “{0}” is too long.</source>
        <translation>“{0}”의 구역 이름이 너무 길어요.</translation>
    </message>
    <message>
        <source>The menu “{0}” needs a text and at least one choice.</source>
        <translation>메뉴 “{0}”에는 안내 글과 항목이 하나 이상 있어야 해요.</translation>
    </message>
    <message>
        <source>“{0}” is nested too deep: at most 5 menus.</source>
        <translation>“{0}”이(가) 너무 깊이 들어가 있어요: 메뉴는 5단계까지예요.</translation>
    </message>
    <message>
        <source>An answer has an empty keyword.</source>
        <translation>빈 키워드가 있는 답변이 있어요.</translation>
    </message>
    <message>
        <source>The text of “{0}” is too long.</source>
        <translation>“{0}”의 내용이 너무 길어요.</translation>
    </message>
    <message>
        <source>An answer shows “{0}”, which is not a menu.</source>
        <translation>답변이 보여주는 “{0}”은(는) 메뉴가 아니에요.</translation>
    </message>
    <message>
        <source>An answer or a menu names a choice that is gone.</source>
        <translation>답변이나 메뉴가 지워진 항목을 가리켜요.</translation>
    </message>
    <message>
        <source>The list button of “{0}” is empty or too long.</source>
        <translation>“{0}”의 목록 버튼 이름이 비었거나 너무 길어요.</translation>
    </message>
    <message>
        <source>The menu bot goes beyond what WhatsApp allows (at “{0}”).</source>
        <translation>메뉴 봇이 WhatsApp 제한을 넘어요 (“{0}”).</translation>
    </message>
    <message>
        <source>Replace your menu with the ready-made one? The menu you made will be gone.</source>
        <translation>지금 메뉴를 기본 메뉴로 바꿀까요? 만든 메뉴는 사라져요.</translation>
    </message>
    <message>
        <source>Replace the menu</source>
        <translation>메뉴 바꾸기</translation>
    </message>
    <message>
        <source>Export the menu bot</source>
        <translation>메뉴 봇 내보내기</translation>
    </message>
    <message>
        <source>menu-bot.json</source>
        <translation>메뉴봇.json</translation>
    </message>
    <message>
        <source>Menu bot (*.json)</source>
        <translation>메뉴 봇 (*.json)</translation>
    </message>
    <message>
        <source>Import a menu bot</source>
        <translation>메뉴 봇 가져오기</translation>
    </message>
    <message>
        <source>This file is not a menu bot Shop Inbox can use. Nothing was changed.</source>
        <translation>샵&#xa0;인박스에서 쓸 수 있는 메뉴 봇 파일이 아니에요. 아무것도 바뀌지 않았어요.</translation>
    </message>
    <message>
        <source>Replace your menu with the one in this file? The menu you made will be gone.</source>
        <translation>지금 메뉴를 이&#xa0;파일의 메뉴로 바꿀까요? 만든 메뉴는 사라져요.</translation>
    </message>
</context>
<context>
    <name>BotReportTab</name>
    <message>
        <source>Answer or menu choice</source>
        <translation>답변 또는 메뉴 항목</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>답한 횟수</translation>
    </message>
    <message>
        <source>Handed to a person</source>
        <translation>상담원 연결</translation>
    </message>
    <message>
        <source>Menu bot report</source>
        <translation>메뉴 봇 보고서</translation>
    </message>
    <message>
        <source>Counted by the relay over the last 30 days.</source>
        <translation>릴레이가 최근 30일 동안 센 횟수예요.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>The report comes from the relay: connect to it first.</source>
        <translation>보고서는 릴레이에서 받아요: 먼저 릴레이에 연결해 주세요.</translation>
    </message>
    <message>
        <source>Asking the relay…</source>
        <translation>릴레이에 묻는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Counted by the relay over the last 30 days: %Ln chat(s) handed to a person.</source>
        <translation>
            <numerusform>릴레이가 최근 30일 동안 센 횟수예요: 상담원에게 넘긴 채팅 %Ln개.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} — sent %Ln time(s) as plain numbered text: with its fields filled in, its text is longer than the {1} characters WhatsApp shows above a menu. Shorten it.</source>
        <translation>
            <numerusform>{0} — 필드를 채운 내용이 WhatsApp이 메뉴 위에 보여 주는 {1}자를 넘어서 번호를 붙인 일반 텍스트로 %Ln번 보냈어요. 내용을 줄여 주세요.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkNotice</name>
    <message>
        <source>not told: no phone number in this inbox</source>
        <translation>알리지 못함: 이&#xa0;인박스에 전화번호가 없음</translation>
    </message>
    <message>
        <source>not told: the step&apos;s template needs your bank account, which is not set</source>
        <translation>알리지 못함: 이&#xa0;단계의 템플릿에 필요한 입금 계좌가 설정되지 않음</translation>
    </message>
    <message>
        <source>not told: no message from them in the last 24 hours, and no template chosen for this step</source>
        <translation>알리지 못함: 최근 24시간 동안 고객의 메시지가 없고 이&#xa0;단계에 지정된 템플릿이 없음</translation>
    </message>
    <message>
        <source>not told: no message from them in the last 24 hours, and no approved template can name all the orders one transfer paid and the total. Choose one in Order settings ▸ Messages ▸ Paid, several orders</source>
        <translation>알리지 못함: 최근 24시간 동안 고객의 메시지가 없고, 한&#xa0;번의 입금으로 결제된 주문 전부와 합계 금액을 담을 수 있는 승인된 템플릿이 없어요. 주문&#xa0;설정&#xa0;▸&#xa0;메시지&#xa0;▸&#xa0;결제&#xa0;완료(여러 주문)에서 골라 주세요</translation>
    </message>
    <message>
        <source>not told: no message from them in the last 24 hours, and the template chosen for this step has more values than the step fills. Choose another in Order settings ▸ Messages</source>
        <translation>알리지 못함: 최근 24시간 동안 고객의 메시지가 없고 이&#xa0;단계에 지정된 템플릿의 값 자리가 이&#xa0;단계에서 채우는 값보다 많음. 주문&#xa0;설정&#xa0;▸&#xa0;메시지에서 다른 템플릿을 선택하세요</translation>
    </message>
    <message>
        <source>not told: no message from them in the last 24 hours, and the step&apos;s template names something this order does not have, such as a tracking number</source>
        <translation>알리지 못함: 최근 24시간 동안 고객의 메시지가 없고, 이&#xa0;단계의 템플릿에 들어갈 송장번호 같은 값이 이&#xa0;주문에 없음</translation>
    </message>
    <message>
        <source>not told: no relay is set up, so nothing can reach WhatsApp</source>
        <translation>알리지 못함: 릴레이가 설정되지 않아 WhatsApp으로 보낼 수 없음</translation>
    </message>
    <message>
        <source>Goes as the template “{0}” ({1}):</source>
        <translation>“{0}” 템플릿({1})으로 보내요:</translation>
    </message>
    <message>
        <source>goes once the relay is connected</source>
        <translation>릴레이가 연결되면 보내져요</translation>
    </message>
</context>
<context>
    <name>BulkNoticeDialog</name>
    <message>
        <source>Tell the customers?</source>
        <translation>고객에게 알릴까요?</translation>
    </message>
    <message>
        <source>Tell the customer?</source>
        <translation>고객에게 알릴까요?</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation>보내지 않기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) confirmed paid — send the customers the payment confirmation?</source>
        <translation>
            <numerusform>입금 확인된 주문 %Ln건 — 고객에게 확인 메시지를 보낼까요?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) shipped — send the customers their tracking numbers?</source>
        <translation>
            <numerusform>발송된 주문 %Ln건 — 고객에게 송장번호를 보낼까요?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) cancelled because the payment deadline passed — tell the customers?</source>
        <translation>
            <numerusform>입금 기한이 지나 취소된 주문 %Ln건 — 고객에게 취소 안내를 보낼까요?</numerusform>
        </translation>
    </message>
    <message>
        <source>1 order confirmed paid — send the customer the payment confirmation?</source>
        <translation>입금 확인된 주문 1건 — 고객에게 확인 메시지를 보낼까요?</translation>
    </message>
    <message>
        <source>1 order shipped — send the customer the tracking number?</source>
        <translation>발송된 주문 1건 — 고객에게 송장번호를 보낼까요?</translation>
    </message>
    <message>
        <source>1 order cancelled because the payment deadline passed — tell the customer?</source>
        <translation>입금 기한이 지나 취소된 주문 1건 — 고객에게 취소 안내를 보낼까요?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) cannot be told. If you send, their orders&apos; history says that they were not told. The orders keep their new status either way.</source>
        <translation>
            <numerusform>고객 %Ln명에게는 알릴 수 없어요. 보내기를 누르면 해당 주문 기록에 안내 메시지를 보낼 수 없었던 이유가 남아요. 어느 쪽을 골라도 주문 상태는 바뀐 그대로예요.</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer can be told. OK writes it in the orders&apos; history; the orders keep their new status.</source>
        <translation>알릴 수 있는 고객이 없어요. 확인을 누르면 주문 기록에 안내 메시지를 보낼 수 없었던 이유가 남아요. 주문 상태는 바뀐 그대로예요.</translation>
    </message>
    <message>
        <source>No relay is set up yet: the messages wait on this computer and go once you connect one.</source>
        <translation>아직 릴레이가 설정되지 않았어요. 메시지는 이&#xa0;컴퓨터에서 기다리다가 릴레이를 연결하면 보내져요.</translation>
    </message>
    <message>
        <source>Untick a customer to leave them out.</source>
        <translation>보내지 않을 고객은 체크를 해제하세요.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %Ln</source>
        <translation>
            <numerusform>%Ln건 보내기(&amp;S)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BusinessHoursEditor</name>
    <message>
        <source>Business hours</source>
        <translation>영업시간</translation>
    </message>
    <message>
        <source>Closed days</source>
        <translation>휴무일</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>시간대(&amp;Z)</translation>
    </message>
    <message>
        <source>Choose a time zone from the list: type its city, like {0}.</source>
        <translation>목록에서 시간대를 골라 주세요. 도시 이름을 입력하면 찾을 수 있어요(예: {0}).</translation>
    </message>
    <message>
        <source>Open: {0}</source>
        <translation>영업: {0}</translation>
    </message>
    <message>
        <source>With these hours the menu “{0}” is longer than the {1} characters WhatsApp shows above a menu, so it will then be sent as plain numbered text: shorten it or the hours.</source>
        <translation>이&#xa0;영업시간으로는 메뉴 “{0}”의 내용이 WhatsApp이 메뉴 위에 보여 주는 {1}자를 넘어서, 번호를 붙인 일반 텍스트로 보내져요. 메뉴 내용이나 영업시간을 줄여 주세요.</translation>
    </message>
    <message>
        <source>(no title yet)</source>
        <translation>(제목 없음)</translation>
    </message>
</context>
<context>
    <name>BusinessProfileEditor</name>
    <message>
        <source>Business profile</source>
        <translation>비즈니스 프로필</translation>
    </message>
    <message>
        <source>One address per line, at most two</source>
        <translation>한&#xa0;줄에 주소 하나, 최대 두&#xa0;개</translation>
    </message>
    <message>
        <source>The shop needs a name: customers see it, and {0} is filled with it.</source>
        <translation>가게 이름을 입력하세요. 고객에게 보이고, {0} 자리에 들어가요.</translation>
    </message>
    <message>
        <source>No shop name yet: quick replies and automatic messages leave {0} empty.</source>
        <translation>가게 이름을 아직 정하지 않아서 빠른 답장과 자동 메시지의 {0} 자리가 비어 있어요.</translation>
    </message>
    <message>
        <source>Customers see “{0}”; quick replies fill {1} with it.</source>
        <translation>고객에게 “{0}”(으)로 보이고, 빠른 답장의 {1} 자리에 들어가요.</translation>
    </message>
    <message>
        <source>“{0}” does not look like an email address.</source>
        <translation>“{0}”은(는) 이메일 주소 형식이 아니에요.</translation>
    </message>
    <message>
        <source>e.g. Seoul Linen House</source>
        <translation>예: Seoul Linen House</translation>
    </message>
    <message>
        <source>Messages written in another language (an English greeting) fill {0} with this name.</source>
        <translation>다른 언어로 쓴 메시지(영어 인사말 등)의 {0}에는 이&#xa0;이름이 들어가요.</translation>
    </message>
    <message>
        <source>Shop &amp;name</source>
        <translation>가게 이름(&amp;N)</translation>
    </message>
    <message>
        <source>Name in another lan&amp;guage</source>
        <translation>다른 언어 가게 이름(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>업종(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>상태 메시지(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>소개(&amp;D)</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>주소(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>이메일(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Websites</source>
        <translation>웹사이트(&amp;W)</translation>
    </message>
    <message>
        <source>WhatsApp shows at most two websites.</source>
        <translation>WhatsApp에는 웹사이트가 최대 두&#xa0;개까지 표시돼요.</translation>
    </message>
    <message>
        <source>Websites start with https://, like https://myshop.com</source>
        <translation>웹사이트 주소는 https://로 시작해요 (예: https://myshop.com).</translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <source>The message does not name the shop (looked for {0}).</source>
        <translation>메시지에 가게 이름이 없어요 (찾아본 이름: {0}).</translation>
    </message>
    <message>
        <source>The message does not start with “(광고)”.</source>
        <translation>메시지가 “(광고)”로 시작하지 않아요.</translation>
    </message>
    <message>
        <source>The message does not name the shop.</source>
        <translation>메시지에 가게 이름이 없어요.</translation>
    </message>
    <message>
        <source>The message gives no phone number or address to reach the shop.</source>
        <translation>메시지에 가게 연락처(전화번호나 주소)가 없어요.</translation>
    </message>
    <message>
        <source>The message says nothing about a free way to opt out (or has no opt-out button).</source>
        <translation>무료 수신거부 방법이 안내되어 있지 않아요 (수신거부 버튼도 없어요).</translation>
    </message>
    <message>
        <source>To fix it: write what is missing into the template&apos;s blanks, where it has them, or change the template in Meta&apos;s WhatsApp Manager (Meta reviews it again) and choose it here once approved.</source>
        <translation>고치는 법: 템플릿에 빈칸이 있으면 빠진 내용을 빈칸에 적거나, Meta의 WhatsApp 관리자에서 템플릿을 고친 뒤(Meta가 다시 검토해요) 승인되면 여기서 골라 주세요.</translation>
    </message>
    <message>
        <source>Schedule it anyway?</source>
        <translation>그래도 예약할까요?</translation>
    </message>
    <message>
        <source>&amp;Schedule anyway</source>
        <translation>그래도 예약하기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Send anyway</source>
        <translation>그래도 보내기(&amp;S)</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>일본어</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <source>e.g. Winter sale</source>
        <translation>예: 겨울 세일</translation>
    </message>
    <message>
        <source>Save dra&amp;ft</source>
        <translation>임시 저장(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>보내기(&amp;S)…</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>이름(&amp;A)</translation>
    </message>
    <message>
        <source>Send fr&amp;om</source>
        <translation>보내는 번호(&amp;O)</translation>
    </message>
    <message>
        <source>Preview for</source>
        <translation>미리보기 대상</translation>
    </message>
    <message>
        <source>Prev&amp;iew for</source>
        <translation>미리보기 대상(&amp;I)</translation>
    </message>
    <message>
        <source>Most recipients read {their}. This template is in {template}.</source>
        <translation>받는 사람 대부분이 {their}을(를) 읽어요. 이&#xa0;템플릿은 {template}(으)로 쓰여 있어요.</translation>
    </message>
    <message>
        <source>{0} × {1}</source>
        <comment>a language, then how many customers get that version</comment>
        <translation>{0} {1}명</translation>
    </message>
    <message>
        <source>Each customer gets the version in their language: {0}.</source>
        <translation>고객마다 자신의 언어로 된 버전을 받아요: {0}.</translation>
    </message>
    <message>
        <source>Choose a template to see the message.</source>
        <translation>템플릿을 고르면 메시지가 보여요.</translation>
    </message>
    <message>
        <source>From your number {0}</source>
        <translation>매장 번호 {0}에서 보내요</translation>
    </message>
    <message>
        <source>[customer&apos;s name]</source>
        <translation>[고객 이름]</translation>
    </message>
    <message>
        <source>[customer&apos;s first name]</source>
        <translation>[고객 이름(성 제외)]</translation>
    </message>
    <message>
        <source>[blank {0}]</source>
        <translation>[빈칸 {0}]</translation>
    </message>
    <message>
        <source>Korean law for advertising messages:</source>
        <translation>광고성 정보 전송 규정(정보통신망법):</translation>
    </message>
    <message>
        <source>The opt-out button counts as the free opt-out.</source>
        <translation>수신거부 버튼이 무료 수신거부 방법으로 인정돼요.</translation>
    </message>
    <message>
        <source>✓ (광고), the shop&apos;s name and contact, and a free opt-out are there.</source>
        <translation>✓ (광고) 표시, 가게 이름과 연락처, 무료 수신거부 방법이 모두 있어요.</translation>
    </message>
    <message>
        <source>&amp;Schedule…</source>
        <translation>예약하기(&amp;S)…</translation>
    </message>
    <message>
        <source>{0} ({1}) has passed. Set a later time, or choose Send now.</source>
        <translation>{0}({1})은(는) 이미 지났어요. 더 늦은 시간을 정하거나 ‘지금 보내기’를 고르세요.</translation>
    </message>
    <message>
        <source>Send “{0}” to 1 customer now? The relay sends it, even with this computer off.</source>
        <translation>“{0}”을(를) 고객 1명에게 지금 보낼까요? 이&#xa0;컴퓨터를 꺼도 릴레이가 보내요.</translation>
    </message>
    <message>
        <source>Send “{0}” to 1 customer at {2}? The relay sends it then, even with this computer off.</source>
        <translation>“{0}”을(를) {2}에 고객 1명에게 보낼까요? 이&#xa0;컴퓨터를 꺼도 그때 릴레이가 보내요.</translation>
    </message>
    <message>
        <source>Send “{0}” to {1} customers at {2}? The relay sends it then, even with this computer off.</source>
        <translation>“{0}”을(를) {2}에 고객 {1}명에게 보낼까요? 이&#xa0;컴퓨터를 꺼도 그때 릴레이가 보내요.</translation>
    </message>
    <message>
        <source>Who gets it changed while you were deciding: some customers are not the same.</source>
        <translation>고민하시는 사이에 받을 고객이 바뀌었어요: 인원은 같지만 일부 고객이 달라졌어요.</translation>
    </message>
    <message>
        <source>Who gets it changed while you were deciding: from {0} to {1} customers.</source>
        <translation>고민하시는 사이에 받을 고객이 바뀌었어요: {0}명에서 {1}명으로요.</translation>
    </message>
    <message>
        <source>It goes from your number {0}.</source>
        <translation>매장 번호 {0}에서 보내요.</translation>
    </message>
    <message>
        <source>Each customer gets it from the number they last wrote to.</source>
        <translation>고객마다 마지막으로 연락한 매장 번호에서 보내요.</translation>
    </message>
    <message>
        <source>They all get it at {2}.</source>
        <translation>모두 {2}에 받아요.</translation>
    </message>
    <message>
        <source>1 gets it now, {1} at {2}.</source>
        <translation>1명은 지금, {1}명은 {2}에 받아요.</translation>
    </message>
    <message>
        <source>1 gets it at {3}, {1} at {2}.</source>
        <translation>1명은 {3}에, {1}명은 {2}에 받아요.</translation>
    </message>
    <message>
        <source>{0} get it now, {1} at {2}.</source>
        <translation>{0}명은 지금, {1}명은 {2}에 받아요.</translation>
    </message>
    <message>
        <source>{0} get it at {3}, {1} at {2}.</source>
        <translation>{0}명은 {3}에, {1}명은 {2}에 받아요.</translation>
    </message>
    <message>
        <source>Schedule campaign</source>
        <translation>캠페인 예약</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>예약하기(&amp;S)</translation>
    </message>
    <message>
        <source>Korean law: ads at night ({0}–{1}) only go to customers who agreed to night-time messages.</source>
        <translation>야간({0}~{1}) 광고는 야간 수신에 동의한 고객에게만 보낼 수 있어요(정보통신망법).</translation>
    </message>
    <message>
        <source>Advertising message</source>
        <translation>광고성 메시지</translation>
    </message>
    <message>
        <source>This marketing message lacks what Korean law asks for:</source>
        <translation>이&#xa0;마케팅 메시지에는 법이 요구하는 내용이 빠져 있어요:</translation>
    </message>
    <message>
        <source>Send it anyway?</source>
        <translation>그래도 보낼까요?</translation>
    </message>
    <message>
        <source>Send “{0}” to {1} customers now? The relay sends it, even with this computer off.</source>
        <translation>“{0}”을(를) 고객 {1}명에게 지금 보낼까요? 이&#xa0;컴퓨터를 꺼도 릴레이가 보내요.</translation>
    </message>
    <message>
        <source>Send campaign</source>
        <translation>캠페인 보내기</translation>
    </message>
</context>
<context>
    <name>CampaignListModel</name>
    <message>
        <source>goes on {0}</source>
        <translation>{0}에 이어서 보냄</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln명</numerusform>
        </translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>{0}에서</translation>
    </message>
</context>
<context>
    <name>CampaignPricesBox</name>
    <message>
        <source>Campaign prices</source>
        <translation>캠페인 메시지 가격</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>입력 안 함</translation>
    </message>
    <message>
        <source>What Meta charges you per delivered message, from your WhatsApp Manager invoices. Prices change and differ by country, so Shop Inbox has none built in.</source>
        <translation>WhatsApp 관리자 청구서에 나오는, 전달된 메시지 한&#xa0;건당 Meta 요금이에요. 가격은 바뀌고 나라마다 달라서 샵&#xa0;인박스에는 기본값이 없어요.</translation>
    </message>
    <message>
        <source>Marketing ({0})</source>
        <translation>마케팅 ({0})</translation>
    </message>
    <message>
        <source>Utility ({0})</source>
        <translation>유틸리티 ({0})</translation>
    </message>
</context>
<context>
    <name>CampaignReportView</name>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>읽음</translation>
    </message>
    <message>
        <source>Replied (72 h)</source>
        <translation>답장 (72시간)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>수신거부</translation>
    </message>
    <message>
        <source>Every recipient</source>
        <translation>모든 수신자</translation>
    </message>
    <message>
        <source>Only not sent: waiting, held, skipped, failed</source>
        <translation>보내지 않은 수신자만: 대기, 보류, 건너뜀, 실패</translation>
    </message>
    <message>
        <source>Recipients shown</source>
        <translation>표시할 수신자</translation>
    </message>
    <message>
        <source>The relay did not answer, so customers it held or skipped show as waiting. Open the report again when it is connected.</source>
        <translation>릴레이가 응답하지 않아 릴레이가 보류하거나 건너뛴 고객이 대기 중으로 보여요. 연결되면 보고서를 다시 열어 주세요.</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>받는 사람</translation>
    </message>
    <message>
        <source>{0} · set for {1} · template {2}</source>
        <translation>{0} · {1}에 보내도록 예약됨 · 템플릿 {2}</translation>
    </message>
    <message>
        <source>{0} · sends {1} · template {2}</source>
        <translation>{0} · {1}에 보낼 예정 · 템플릿 {2}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s): {0}</source>
        <translation>
            <numerusform>%Ln명: {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to send at the scheduled time</source>
        <translation>
            <numerusform>예약 시간에 보낼 고객 %Ln명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to send once resumed</source>
        <translation>
            <numerusform>다시 시작하면 보낼 고객 %Ln명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting their turn to be sent</source>
        <translation>
            <numerusform>발송 순서를 기다리는 고객 %Ln명</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} · was to send {1} · template {2}</source>
        <translation>{0} · {1}에 보낼 예정이었음 · 템플릿 {2}</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 중지(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>다시 시작(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel campaign</source>
        <translation>캠페인 취소(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;opy as new draft</source>
        <translation>복사해서 새로 만들기(&amp;O)</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>보기(&amp;H)</translation>
    </message>
    <message>
        <source>{0} · sent {1} · template {2}</source>
        <translation>{0} · {1}에 보냄 · 템플릿 {2}</translation>
    </message>
    <message>
        <source>{0} · from your number {1}</source>
        <translation>{0} · 보내는 번호 {1}</translation>
    </message>
    <message>
        <source>{0} · from each customer&apos;s own number (the one they last wrote to)</source>
        <translation>{0} · 보내는 번호: 고객마다 마지막으로 연락한 번호</translation>
    </message>
    <message>
        <source>On the relay: {0}</source>
        <translation>릴레이 현황: {0}</translation>
    </message>
    <message>
        <source>Meta&apos;s limit on customers messaged in 24 hours is reached: the rest go out from {0}, by themselves.</source>
        <translation>24시간 동안 메시지를 보낼 수 있는 고객 수(Meta 한도)에 도달했어요. 나머지는 {0}부터 저절로 보내져요.</translation>
    </message>
    <message>
        <source>Pending at Meta: 1 message held while Meta checks this new template. Not failed: it goes out once Meta has feedback.</source>
        <translation>Meta에서 대기 중: 새&#xa0;템플릿을 Meta가 확인하는 동안 메시지 1개가 보류되어 있어요. 실패가 아니에요: Meta가 반응을 확인하면 발송돼요.</translation>
    </message>
    <message numerus="yes">
        <source>Pending at Meta: %Ln message(s) held while Meta checks this new template. Not failed: they go out once Meta has feedback.</source>
        <translation>
            <numerusform>Meta에서 대기 중: 새&#xa0;템플릿을 Meta가 확인하는 동안 메시지 %Ln개가 보류되어 있어요. 실패가 아니에요: Meta가 반응을 확인하면 발송돼요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held until {0} the customer&apos;s time</source>
        <translation>
            <numerusform>고객 시간으로 {0}까지 보류 %Ln명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held until {0}</source>
        <translation>
            <numerusform>{0}까지 보류 %Ln명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <translation>
            <numerusform>건너뜀 %Ln명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held until {0} ({1} the customer&apos;s time)</source>
        <translation>
            <numerusform>{0}까지 보류 %Ln명(고객 시간으로 {1})</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers not sent yet are waiting; none failed. Meta lifts a pause for low quality after 3 to 6 hours: resume then.</source>
        <translation>아직 받지 않은 고객은 기다리고 있고, 실패한 고객은 없어요. Meta는 품질 때문에 일시 중지한 템플릿을 3~6시간 뒤에 풀어 줘요. 그때 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Customers not sent yet are waiting; none failed. Meta turned this template off for good: cancel this campaign and send them another template.</source>
        <translation>아직 받지 않은 고객은 기다리고 있고, 실패한 고객은 없어요. Meta가 이&#xa0;템플릿을 완전히 사용 중지했어요. 이&#xa0;캠페인을 취소하고 다른 템플릿으로 보내세요.</translation>
    </message>
    <message>
        <source>Customers not sent yet are waiting; none failed. Approve the template in their language in WhatsApp Manager, then resume; or cancel.</source>
        <translation>아직 받지 않은 고객은 기다리고 있고, 실패한 고객은 없어요. WhatsApp 관리자에서 그&#xa0;고객들의 언어로 템플릿 승인을 받은 뒤 다시 시작하거나, 취소하세요.</translation>
    </message>
    <message>
        <source>Customers not sent yet are waiting; none failed. Ask whoever looks after your relay to renew its Meta access token, then resume.</source>
        <translation>아직 받지 않은 고객은 기다리고 있고, 실패한 고객은 없어요. 릴레이를 관리하는 분께 Meta 액세스 토큰을 새로 받아 달라고 부탁한 뒤 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>보고서를 내보냈어요</translation>
    </message>
    <message>
        <source>Saved {0}. It opens in Excel.</source>
        <translation>{0} 파일을 저장했어요. 엑셀에서 열 수 있어요.</translation>
    </message>
</context>
<context>
    <name>CampaignWindow</name>
    <message>
        <source>Campaigns</source>
        <translation>캠페인</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>임시 저장 삭제</translation>
    </message>
    <message>
        <source>Copy as new draft</source>
        <translation>복사해서 새로 만들기</translation>
    </message>
    <message>
        <source>&amp;New campaign</source>
        <translation>새 캠페인(&amp;N)</translation>
    </message>
    <message>
        <source>Save the changes to this campaign as a draft?</source>
        <translation>이&#xa0;캠페인의 변경 사항을 임시 저장할까요?</translation>
    </message>
    <message>
        <source>{0} (copy)</source>
        <translation>{0} (복사)</translation>
    </message>
    <message>
        <source>Delete the draft “{0}”? This cannot be undone.</source>
        <translation>임시 저장한 “{0}”을(를) 삭제할까요? 되돌릴 수 없어요.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep scheduled</source>
        <translation>예약 유지(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Keep paused</source>
        <translation>일시 중지 유지(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Keep sending</source>
        <translation>계속 보내기(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Cancel campaign</source>
        <translation>캠페인 취소(&amp;C)</translation>
    </message>
    <message>
        <source>The relay is not connected. Campaigns are sent by the relay: connect it first.</source>
        <translation>릴레이가 연결되어 있지 않아요. 캠페인은 릴레이가 보내니 먼저 연결하세요.</translation>
    </message>
    <message>
        <source>De&amp;lete draft</source>
        <translation>임시 저장 삭제(&amp;L)</translation>
    </message>
    <message>
        <source>Campaign not sent</source>
        <translation>캠페인을 보내지 못했어요</translation>
    </message>
    <message>
        <source>Cancel this scheduled campaign? It will not be sent to anyone.</source>
        <translation>예약한 캠페인을 취소할까요? 아무에게도 보내지 않아요.</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>캠페인 취소</translation>
    </message>
    <message>
        <source>Cancel this campaign? Customers it has not reached yet will not get it.</source>
        <translation>이&#xa0;캠페인을 취소할까요? 아직 받지 못한 고객에게는 보내지 않아요.</translation>
    </message>
</context>
<context>
    <name>CatalogCsv</name>
    <message>
        <source>id</source>
        <comment>catalogue CSV column: item code</comment>
        <translation>상품코드</translation>
    </message>
    <message>
        <source>title</source>
        <comment>catalogue CSV column: item name</comment>
        <translation>상품명</translation>
    </message>
    <message>
        <source>description</source>
        <comment>catalogue CSV column</comment>
        <translation>설명</translation>
    </message>
    <message>
        <source>availability</source>
        <comment>catalogue CSV column</comment>
        <translation>재고상태</translation>
    </message>
    <message>
        <source>condition</source>
        <comment>catalogue CSV column</comment>
        <translation>상품상태</translation>
    </message>
    <message>
        <source>price</source>
        <comment>catalogue CSV column</comment>
        <translation>판매가</translation>
    </message>
    <message>
        <source>link</source>
        <comment>catalogue CSV column</comment>
        <translation>링크</translation>
    </message>
    <message>
        <source>image_link</source>
        <comment>catalogue CSV column</comment>
        <translation>이미지</translation>
    </message>
    <message>
        <source>brand</source>
        <comment>catalogue CSV column</comment>
        <translation>브랜드</translation>
    </message>
    <message>
        <source>stock</source>
        <comment>catalogue CSV column: pieces in stock</comment>
        <translation>재고</translation>
    </message>
    <message>
        <source>collections</source>
        <comment>catalogue CSV column: the item&apos;s collections, “;” between</comment>
        <translation>컬렉션</translation>
    </message>
    <message>
        <source>several items are called “{0}”; add an item code column to say which one this row is</source>
        <translation>“{0}”(이)라는 상품이 여러 개예요. 어느 상품인지 알 수 있게 상품코드 열을 넣어 주세요.</translation>
    </message>
    <message>
        <source>“{0}” is not an availability: write in stock, out of stock, preorder, available for order or discontinued</source>
        <translation>“{0}”은(는) 알 수 없는 상태예요. 판매중, 품절, 예약판매, 주문 가능, 판매중지 중 하나로 쓰세요.</translation>
    </message>
    <message>
        <source>“{0}” is not a condition: write new, refurbished or used</source>
        <translation>“{0}”은(는) 알 수 없는 상품상태예요. 새상품, 리퍼, 중고 중 하나로 쓰세요.</translation>
    </message>
    <message>
        <source>the same item code is already on line {0}; each item needs its own</source>
        <translation>같은 상품코드가 이미 {0}번째 줄에 있어요. 상품마다 코드가 달라야 해요.</translation>
    </message>
    <message>
        <source>the same name is already on line {0}; without an item code column, each item needs its own name</source>
        <translation>같은 상품명이 이미 {0}번째 줄에 있어요. 상품코드 열이 없으면 상품마다 이름이 달라야 해요.</translation>
    </message>
    <message>
        <source>the item {0} has the same name; rename one unless they are variants of one item</source>
        <translation>상품 코드 {0} 상품과 이름이 같아요. 한&#xa0;상품의 옵션처럼 같은 이름으로 쓸 게 아니라면 둘 중 하나의 이름을 바꾸세요.</translation>
    </message>
    <message>
        <source>the item on line {0} has the same name; rename one unless they are variants of one item</source>
        <translation>{0}번째 줄 상품과 이름이 같아요. 한&#xa0;상품의 옵션처럼 같은 이름으로 쓸 게 아니라면 둘 중 하나의 이름을 바꾸세요.</translation>
    </message>
    <message>
        <source>“{0}” is not a number of pieces: write it as 5, or leave it blank for an item you do not count</source>
        <translation>“{0}”은(는) 개수가 아니에요. 5처럼 숫자로 쓰거나, 재고를 세지 않는 상품은 비워 두세요.</translation>
    </message>
    <message>
        <source>the picture “{0}” was not found next to the file</source>
        <translation>사진 “{0}”을(를) 파일과 같은 폴더에서 찾지 못했어요.</translation>
    </message>
    <message>
        <source>only the first {0} rows are read</source>
        <translation>앞의 {0}개 줄만 읽어요</translation>
    </message>
    <message>
        <source>the row has more cells than the sheet has columns, so its values are in the wrong columns: a value with a comma, such as 12,000, must be in quotes (&quot;12,000&quot;)</source>
        <translation>이&#xa0;줄은 열보다 칸이 많아서 값이 다른 열로 밀렸어요. 12,000처럼 쉼표가 든 값은 따옴표로 감싸 주세요(&quot;12,000&quot;).</translation>
    </message>
    <message>
        <source>Excel saved the long number “{0}” in place of the code; in Excel, make the column Text and type the codes again</source>
        <translation>엑셀이 코드 대신 줄어든 숫자 “{0}”을(를) 저장했어요. 엑셀에서 이&#xa0;열의 셀 서식을 ‘텍스트’로 바꾸고 코드를 다시 입력하세요.</translation>
    </message>
    <message>
        <source>Excel saved “{0}” in place of the text (it read a cell starting with -, + or = as a formula); write the text again in Excel with a &apos; in front</source>
        <translation>엑셀이 글 대신 “{0}”을(를) 저장했어요(-, +, =로 시작하는 칸을 수식으로 읽었어요). 엑셀에서 글 앞에 &apos;를 붙여 다시 쓰세요.</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>1 new item, {0} updated, {1} already up to date.</source>
        <translation>새&#xa0;상품 1개, 수정 {0}개, 변경 없음 {1}개.</translation>
    </message>
    <message>
        <source>{0} new items, {1} updated, {2} already up to date.</source>
        <translation>새&#xa0;상품 {0}개, 수정 {1}개, 변경 없음 {2}개.</translation>
    </message>
    <message>
        <source>The file has no item code column, so its rows were matched to items by name, and new items got a code of their own.</source>
        <translation>파일에 상품코드 열이 없어서 상품명으로 상품을 찾았어요. 새&#xa0;상품에는 코드를 자동으로 만들었어요.</translation>
    </message>
    <message>
        <source>The file has no item code column, so its rows were matched to items by name.</source>
        <translation>파일에 상품코드 열이 없어서 상품명으로 상품을 찾았어요.</translation>
    </message>
    <message>
        <source>These columns were not used: {0}.</source>
        <translation>이&#xa0;열은 쓰지 않았어요: {0}.</translation>
    </message>
    <message>
        <source>The totals row (line {0}) is a sum, not an item, so it was left out.</source>
        <translation>합계 줄({0}번째 줄)은 상품이 아니라서 건너뛰었어요.</translation>
    </message>
    <message>
        <source>{0} totals rows (lines {1}) are sums, not items, so they were left out.</source>
        <translation>합계 줄 {0}개({1}번째 줄)는 상품이 아니라서 건너뛰었어요.</translation>
    </message>
    <message>
        <source>Excel&apos;s plain “CSV (Comma delimited)” cannot hold emoji and writes “?” for them: check the item names on these lines: {0}. To keep emoji, save the sheet as “CSV UTF-8” or as an Excel workbook.</source>
        <translation>엑셀의 “CSV (쉼표로 분리)” 형식은 이모지를 담지 못해 “?”로 바꿔 저장해요. 이&#xa0;줄의 상품명을 확인해 주세요: {0}. 이모지를 살리려면 “CSV UTF-8(쉼표로 분리)”이나 “Excel 통합 문서(.xlsx)”로 저장하세요.</translation>
    </message>
    <message>
        <source>…and {0} more.</source>
        <translation>…외 {0}개.</translation>
    </message>
    <message>
        <source>1 item was imported without its picture, which was not found (see details).</source>
        <translation>상품 1개는 사진을 찾지 못해 사진 없이 가져왔어요. 줄 번호는 ‘자세한 정보 표시’에서 볼 수 있어요.</translation>
    </message>
    <message>
        <source>{0} items were imported without their picture, which was not found (see details).</source>
        <translation>상품 {0}개는 사진을 찾지 못해 사진 없이 가져왔어요. 줄 번호는 ‘자세한 정보 표시’에서 볼 수 있어요.</translation>
    </message>
    <message>
        <source>Line {0}: {1}</source>
        <translation>{0}번째 줄: {1}</translation>
    </message>
    <message>
        <source>Line {0} (imported without picture): {1}</source>
        <translation>{0}번째 줄 (사진 없이 가져옴): {1}</translation>
    </message>
    <message>
        <source>1 item was imported under a name another item has:</source>
        <translation>1개 상품을 다른 상품과 같은 이름으로 가져왔어요:</translation>
    </message>
    <message>
        <source>{0} items were imported under a name another item has:</source>
        <translation>{0}개 상품을 다른 상품과 같은 이름으로 가져왔어요:</translation>
    </message>
    <message>
        <source>1 row was not imported:</source>
        <translation>1개 줄은 가져오지 못했어요:</translation>
    </message>
    <message>
        <source>{0} rows were not imported:</source>
        <translation>{0}개 줄은 가져오지 못했어요:</translation>
    </message>
    <message>
        <source>…and {0} more (see details).</source>
        <translation>…외 {0}개 (‘자세한 정보 표시’ 참고).</translation>
    </message>
    <message>
        <source>Import catalogue</source>
        <translation>카탈로그 가져오기</translation>
    </message>
    <message>
        <source>Sheets (*.csv *.xlsx *.xls *.tsv *.txt)</source>
        <translation>시트 파일 (*.csv *.xlsx *.xls *.tsv *.txt)</translation>
    </message>
    <message>
        <source>Catalogue imported</source>
        <translation>카탈로그를 가져왔어요</translation>
    </message>
    <message>
        <source>Saved {0}. It can be uploaded to Meta Commerce Manager as a data feed. Excel on this computer opens it in one column: to edit the catalogue in Excel, export an Excel workbook (.xlsx).</source>
        <translation>{0} 파일을 저장했어요. Meta 커머스 관리자에 데이터 피드로 올릴 수 있어요. 이&#xa0;컴퓨터의 엑셀에서는 한&#xa0;열로 열리니, 엑셀에서 카탈로그를 고치려면 엑셀 통합 문서(.xlsx)로 내보내 주세요.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>엑셀 통합 문서 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export catalogue</source>
        <translation>카탈로그 내보내기</translation>
    </message>
    <message>
        <source>catalogue.xlsx</source>
        <translation>카탈로그.xlsx</translation>
    </message>
    <message>
        <source>catalogue.csv</source>
        <translation>카탈로그.csv</translation>
    </message>
    <message>
        <source>Saved {0}. Edit it in Excel and import it back; for Meta Commerce Manager&apos;s data feed, export as CSV.</source>
        <translation>{0} 파일을 저장했어요. 엑셀에서 고친 뒤 다시 가져오세요. Meta 커머스 관리자 데이터 피드에는 CSV로 내보내서 올리세요.</translation>
    </message>
    <message>
        <source>Catalogue exported</source>
        <translation>카탈로그를 내보냈어요</translation>
    </message>
    <message>
        <source>Saved {0}. It opens in Excel and can be uploaded to Meta Commerce Manager as a data feed.</source>
        <translation>{0} 파일을 저장했어요. 엑셀에서 열 수 있고, Meta 커머스 관리자에 데이터 피드로 올릴 수 있어요.</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>{0} · Sold out</source>
        <translation>{0} · 품절</translation>
    </message>
    <message>
        <source>{0} in stock</source>
        <translation>재고 {0}개</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>숨김</translation>
    </message>
</context>
<context>
    <name>CatalogPicker</name>
    <message>
        <source>Which one would you like?</source>
        <translation>어떤 상품을 원하세요?</translation>
    </message>
    <message>
        <source>See items</source>
        <translation>상품 보기</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Send from catalogue</source>
        <translation>카탈로그에서 보내기</translation>
    </message>
    <message>
        <source>Search by name or item code</source>
        <translation>상품명 또는 상품 코드로 검색</translation>
    </message>
    <message>
        <source>Search the catalogue</source>
        <translation>카탈로그 검색</translation>
    </message>
    <message>
        <source>Catalogue items</source>
        <translation>카탈로그 상품</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Choose the item to send instead</source>
        <translation>대신 보낼 상품 고르기</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>고르기</translation>
    </message>
    <message>
        <source>No items match. Hidden items are not offered.</source>
        <translation>맞는 상품이 없어요. 숨긴 상품은 나오지 않아요.</translation>
    </message>
    <message>
        <source>Click an item, or press Space on it in the list, to choose it.</source>
        <translation>보낼 상품을 클릭하거나, 목록에서 Space를 눌러 고르세요.</translation>
    </message>
    <message>
        <source>“{0}”: {1} each · stock not counted</source>
        <translation>“{0}”: 개당 {1} · 재고 관리 안 함</translation>
    </message>
    <message>
        <source>“{0}” is out of stock: choose another option or item.</source>
        <translation>“{0}”은(는) 품절이에요. 다른 옵션이나 상품을 골라 주세요.</translation>
    </message>
    <message>
        <source>Only {1} of “{0}” left, {2} needed: choose another option or item.</source>
        <translation>“{0}”은(는) {1}개만 남았어요({2}개 필요). 다른 옵션이나 상품을 골라 주세요.</translation>
    </message>
    <message>
        <source>“{0}”: {1} each · {2} in stock</source>
        <translation>“{0}”: 개당 {1} · 재고 {2}개</translation>
    </message>
    <message>
        <source>Your catalogue is empty: add your products in Shop ▸ Catalogue, then send them here.</source>
        <translation>카탈로그가 비어 있어요. 상점&#xa0;▸&#xa0;카탈로그에서 상품을 추가한 뒤 여기서 보내세요.</translation>
    </message>
    <message>
        <source>No items to send match. Hidden items are not offered.</source>
        <translation>보낼 수 있는 상품이 없어요. 숨긴 상품은 보이지 않아요.</translation>
    </message>
    <message>
        <source>&amp;Send {0} items</source>
        <translation>{0}개 보내기(&amp;S)</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>품절</translation>
    </message>
    <message>
        <source>“{0}” is sold out. Send it to the customer anyway?</source>
        <translation>“{0}” 상품은 품절이에요. 그래도 고객에게 보낼까요?</translation>
    </message>
    <message>
        <source>&amp;Send anyway</source>
        <translation>그래도 보내기(&amp;S)</translation>
    </message>
    <message>
        <source>Sent as a product message.</source>
        <translation>상품 메시지로 보내요.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open catalogue</source>
        <translation>카탈로그 열기(&amp;O)</translation>
    </message>
    <message>
        <source>Add to restock &amp;waitlist</source>
        <translation>재입고 알림 대기 명단에 추가(&amp;W)</translation>
    </message>
    <message>
        <source>“{0}” is sold out: Enter asks before sending it. Click items, or press Space on them in the list, to choose several.</source>
        <translation>“{0}” 상품은 품절이에요. Enter를 누르면 보내기 전에 물어봐요. 여러 개를 보내려면 상품을 클릭하거나 목록에서 Space를 눌러 고르세요.</translation>
    </message>
    <message>
        <source>Click items, or press Space on them in the list, to choose several, or press Enter to send “{0}”.</source>
        <translation>여러 개를 보내려면 상품을 클릭하거나 목록에서 Space를 눌러 고르세요. Enter를 누르면 “{0}” 상품을 바로 보내요.</translation>
    </message>
    <message>
        <source>Sent as its picture with name, price, description and link.</source>
        <translation>사진과 함께 상품명, 가격, 설명, 링크를 보내요.</translation>
    </message>
    <message>
        <source>{0} items, sent as one product message.</source>
        <translation>상품 {0}개를 하나의 상품 메시지로 보내요.</translation>
    </message>
    <message>
        <source>{0} items, sent as a list: “Which one would you like?”</source>
        <translation>상품 {0}개를 목록으로 보냅니다: “어떤 상품을 원하세요?”</translation>
    </message>
    <message>
        <source>Choose at most {0} items for one message.</source>
        <translation>메시지 하나에 최대 {0}개까지 고를 수 있어요.</translation>
    </message>
    <message>
        <source>This customer is on the restock waitlist for “{0}”.</source>
        <translation>이&#xa0;고객을 “{0}” 재입고 알림 대기 명단에 추가했어요.</translation>
    </message>
</context>
<context>
    <name>CatalogSendAction</name>
    <message>
        <source>Send from the catalogue (#)</source>
        <translation>카탈로그에서 보내기 (#)</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>카탈로그</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>전송 안 됨</translation>
    </message>
</context>
<context>
    <name>CatalogWindow</name>
    <message>
        <source>Cannot undo</source>
        <translation>되돌릴 수 없어요</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>카탈로그</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>숨김</translation>
    </message>
    <message>
        <source>Catalogue items</source>
        <translation>카탈로그 상품</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>복제(&amp;U)</translation>
    </message>
    <message>
        <source>The catalogue is kept on this computer only: another computer connected to the same relay has its own.</source>
        <translation>카탈로그는 이&#xa0;컴퓨터에만 저장돼요. 같은 릴레이에 연결된 다른 컴퓨터에는 따로 카탈로그가 있어요.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>숨기기(&amp;H)</translation>
    </message>
    <message>
        <source>Share lin&amp;k…</source>
        <translation>공유 링크(&amp;K)…</translation>
    </message>
    <message>
        <source>Search by name or item code</source>
        <translation>상품명 또는 상품 코드로 검색</translation>
    </message>
    <message>
        <source>Search the catalogue</source>
        <translation>카탈로그 검색</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>Sort by name</source>
        <translation>이름순</translation>
    </message>
    <message>
        <source>Sort by price</source>
        <translation>가격순</translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation>최근 수정순</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>바둑판</translation>
    </message>
    <message>
        <source>List</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>보이기(&amp;H)</translation>
    </message>
    <message>
        <source> (copy {0})</source>
        <comment>the name of a second, third… copy of an item; {0}: 2, 3…</comment>
        <translation> (복사본 {0})</translation>
    </message>
    <message>
        <source>Brought back “{0}”.</source>
        <translation>“{0}” 상품을 되살렸어요.</translation>
    </message>
    <message>
        <source>Brought back {0} items.</source>
        <translation>상품 {0}개를 되살렸어요.</translation>
    </message>
    <message>
        <source>&amp;Add to collection</source>
        <translation>컬렉션에 추가(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove from this collection</source>
        <translation>이 컬렉션에서 제거(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport without saving</source>
        <translation>저장하지 않고 내보내기(&amp;X)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>&amp;Bring back</source>
        <translation>되살리기(&amp;B)</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>새 상품</translation>
    </message>
    <message>
        <source>I&amp;mport sheet (Excel, CSV)…</source>
        <translation>엑셀·CSV 가져오기(&amp;M)…</translation>
    </message>
    <message>
        <source>E&amp;xport sheet (CSV, Excel)…</source>
        <translation>엑셀·CSV 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Meta catalo&amp;gue…</source>
        <translation>Meta 카탈로그(&amp;G)…</translation>
    </message>
    <message>
        <source>Your catalogue is empty.
Add an item, or import a CSV file from Excel or Meta.</source>
        <translation>카탈로그가 비어 있어요.
상품을 추가하거나 엑셀 또는 Meta의 CSV 파일을 가져오세요.</translation>
    </message>
    <message>
        <source>No items match.</source>
        <translation>일치하는 상품이 없어요.</translation>
    </message>
    <message>
        <source>Save the changes to this item?</source>
        <translation>이&#xa0;상품의 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>저장했어요.</translation>
    </message>
    <message>
        <source> (copy)</source>
        <translation> (복사본)</translation>
    </message>
    <message>
        <source>Deleted “{0}”.</source>
        <translation>“{0}” 상품을 삭제했어요.</translation>
    </message>
    <message>
        <source>Deleted {0} items.</source>
        <translation>상품 {0}개를 삭제했어요.</translation>
    </message>
    <message>
        <source>Ctrl+Z brings it back.</source>
        <translation>Ctrl+Z로 되살릴 수 있어요.</translation>
    </message>
    <message>
        <source>Save the changes to this item before exporting? The sheet holds only what is saved; without saving, your changes stay here as typed.</source>
        <translation>내보내기 전에 이&#xa0;상품의 변경 사항을 저장할까요? 파일에는 저장한 내용만 들어가요. 저장하지 않아도 입력한 내용은 여기에 그대로 남아 있어요.</translation>
    </message>
    <message>
        <source>Meta catalogue</source>
        <translation>Meta 카탈로그</translation>
    </message>
    <message>
        <source>If your items are also in a Meta Commerce Manager catalogue connected to your WhatsApp number, enter its catalogue id: items are then sent as WhatsApp product messages.
Leave it empty to send pictures with name and price instead.</source>
        <translation>WhatsApp 번호에 연결된 Meta 커머스 관리자 카탈로그가 있다면 카탈로그 ID를 입력하세요. 상품이 WhatsApp 상품 메시지로 전송돼요.
비워 두면 사진과 상품명, 가격을 보내요.</translation>
    </message>
    <message>
        <source>A catalogue id is made of digits only.</source>
        <translation>카탈로그 ID는 숫자로만 되어 있어요.</translation>
    </message>
</context>
<context>
    <name>ChatExport</name>
    <message>
        <source>Adding photos and files: {0} of {1}</source>
        <translation>사진과 파일을 넣고 있어요: {1}개 중 {0}개</translation>
    </message>
    <message>
        <source>Writing messages: {0} of {1}</source>
        <translation>메시지를 저장하고 있어요: {1}개 중 {0}개</translation>
    </message>
    <message>
        <source>WhatsApp Chat with {0}</source>
        <translation>WhatsApp 대화 - {0}</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>채팅 내보내기</translation>
    </message>
    <message>
        <source>Zip with photos and files (*.zip);;Text only (*.txt)</source>
        <translation>사진과 파일 포함 zip (*.zip);;텍스트만 (*.txt)</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>상점</translation>
    </message>
    <message>
        <source>Exporting the chat…</source>
        <translation>채팅을 내보내고 있어요…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하고 있어요…</translation>
    </message>
    <message>
        <source>1 message saved to {0}.</source>
        <translation>메시지 1개를 {0}에 저장했어요.</translation>
    </message>
    <message>
        <source>{0} messages saved to {1}.</source>
        <translation>메시지 {0}개를 {1}에 저장했어요.</translation>
    </message>
    <message>
        <source>1 photo or file is not on this computer and was left out.</source>
        <translation>사진 또는 파일 1개는 이&#xa0;컴퓨터에 없어서 빠졌어요.</translation>
    </message>
    <message>
        <source>{0} photos or files are not on this computer and were left out.</source>
        <translation>사진 또는 파일 {0}개는 이&#xa0;컴퓨터에 없어서 빠졌어요.</translation>
    </message>
</context>
<context>
    <name>ChatList</name>
    <message>
        <source>Chats</source>
        <translation>채팅</translation>
    </message>
    <message>
        <source>Search chats and messages</source>
        <translation>채팅 및 메시지 검색</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>읽지 않음</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>보관됨</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>라벨</translation>
    </message>
    <message>
        <source>Filter {0} of {1}. The arrow keys choose another.</source>
        <translation>필터 {0}/{1}. 화살표 키로 다른 필터를 고를 수 있어요.</translation>
    </message>
    <message>
        <source>1 chat with new messages above: show it at the top</source>
        <translation>위에 새&#xa0;메시지가 온 채팅 1개: 맨 위에 보여 주기</translation>
    </message>
    <message numerus="yes">
        <source>%Ln chats with new messages above: show them at the top</source>
        <translation>
            <numerusform>위에 새&#xa0;메시지가 온 채팅 %Ln개: 맨 위에 보여 주기</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs a person</source>
        <translation>상담&#xa0;필요</translation>
    </message>
    <message>
        <source>Archived {0}</source>
        <translation>보관됨 {0}</translation>
    </message>
    <message>
        <source>Every chat</source>
        <translation>모든 채팅</translation>
    </message>
    <message>
        <source>Chats with unread messages</source>
        <translation>읽지 않은 메시지가 있는 채팅</translation>
    </message>
    <message>
        <source>Archived chats</source>
        <translation>보관된 채팅</translation>
    </message>
    <message>
        <source>&amp;Needs a person</source>
        <translation>상담&#xa0;필요(&amp;N)</translation>
    </message>
    <message>
        <source>Chats with a label, or that need a person</source>
        <translation>라벨이 붙은 채팅, 또는 사람이 답해야 하는 채팅</translation>
    </message>
    <message>
        <source>No chats with the label {0}. Archived chats are listed under Archived.</source>
        <translation>‘{0}’ 라벨이 붙은 채팅이 없어요. 보관한 채팅은 ‘보관됨’에서 볼 수 있어요.</translation>
    </message>
    <message>
        <source>No unread chats. All caught up.</source>
        <translation>읽지 않은 채팅이 없어요. 모두 확인했어요.</translation>
    </message>
    <message>
        <source>No archived chats. Archive a chat from its menu to keep it out of the way.</source>
        <translation>보관된 채팅이 없어요. 채팅 메뉴에서 채팅 보관을 누르면 목록에서 치워 둘 수 있어요.</translation>
    </message>
    <message>
        <source>No chat needs a person. When the menu bot hands a chat over, it shows here.</source>
        <translation>상담이 필요한 채팅이 없어요. 메뉴 봇이 채팅을 넘기면 여기에 표시돼요.</translation>
    </message>
    <message>
        <source>All the chats to your number {0} are archived. Click Archived above to see them.</source>
        <translation>매장 번호 {0}(으)로 온 채팅은 모두 보관돼 있어요. 위의 ‘보관됨’을 누르면 볼 수 있어요.</translation>
    </message>
    <message>
        <source>All your chats are archived. Click Archived above to see them.</source>
        <translation>모든 채팅이 보관돼 있어요. 위의 ‘보관됨’을 누르면 볼 수 있어요.</translation>
    </message>
    <message>
        <source>No chats to your number {0} yet. The chats to your other numbers show with All numbers.</source>
        <translation>매장 번호 {0}(으)로 온 채팅이 아직 없어요. 다른 번호로 온 채팅은 ‘모든 번호’를 고르면 보여요.</translation>
    </message>
    <message>
        <source>Chats to your number {0} only.</source>
        <translation>매장 번호 {0}(으)로 온 채팅만 보여요.</translation>
    </message>
    <message>
        <source>Available in a moment: Shop Inbox is still starting</source>
        <translation>잠시 후 사용할 수 있어요: 샵&#xa0;인박스를 시작하는 중이에요</translation>
    </message>
    <message>
        <source>Un&amp;pin chat</source>
        <translation>채팅 고정 해제(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Pin chat</source>
        <translation>채팅 고정(&amp;P)</translation>
    </message>
    <message>
        <source>Un&amp;archive chat</source>
        <translation>보관 해제(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Archive chat</source>
        <translation>채팅 보관(&amp;A)</translation>
    </message>
    <message>
        <source>Mark as &amp;read</source>
        <translation>읽음으로 표시(&amp;R)</translation>
    </message>
    <message>
        <source>Mark as &amp;unread</source>
        <translation>읽지 않음으로 표시(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Label chat</source>
        <translation>채팅 라벨(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New label…</source>
        <translation>새 라벨(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>이름(&amp;N)</translation>
    </message>
    <message>
        <source>This chat already has the label “{0}”.</source>
        <translation>이&#xa0;채팅에는 이미 “{0}” 라벨이 붙어 있어요.</translation>
    </message>
    <message>
        <source>&amp;Export chat…</source>
        <translation>채팅 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete chat</source>
        <translation>채팅 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Un&amp;block</source>
        <translation>차단 해제(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>차단(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Block in Shop Inbox only</source>
        <translation>샵 인박스에서만 차단(&amp;B)</translation>
    </message>
    <message>
        <source>Delete chat</source>
        <translation>채팅 삭제</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>차단</translation>
    </message>
    <message>
        <source>The customer can no longer write to the shop on WhatsApp.</source>
        <translation>이&#xa0;고객은 더 이상 WhatsApp으로 가게에 메시지를 보낼 수 없어요.</translation>
    </message>
    <message>
        <source>WhatsApp blocks only customers who wrote in the last 24 hours.
Shop Inbox stops notifications and automatic replies for this chat;
the customer can still write.</source>
        <translation>WhatsApp은 최근 24시간 안에 메시지를 보낸 고객만 차단할 수 있어요.
샵&#xa0;인박스는 이&#xa0;채팅의 알림과 자동 답장을 멈추지만,
고객은 계속 메시지를 보낼 수 있어요.</translation>
    </message>
    <message>
        <source>Delete the chat with {0}? Its messages are removed from this computer and do not come back when Shop Inbox syncs again. A new message from the customer starts a new chat.</source>
        <translation>{0}님과의 채팅을 삭제할까요? 메시지는 이&#xa0;컴퓨터에서 지워지고 샵&#xa0;인박스가 다시 동기화해도 돌아오지 않아요. 고객이 새&#xa0;메시지를 보내면 새&#xa0;채팅이 시작돼요.</translation>
    </message>
    <message>
        <source>Block {0}? No notifications and no automatic replies for this chat.</source>
        <translation>{0}님을 차단할까요? 이&#xa0;채팅의 알림과 자동 답장이 멈춰요.</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>새 라벨</translation>
    </message>
    <message>
        <source>No chats yet. Past chats from a phone can be brought in with File ▸ Import chat from phone.</source>
        <translation>아직 채팅이 없어요. 휴대폰에 있던 지난 채팅은 파일&#xa0;▸&#xa0;휴대폰에서&#xa0;채팅&#xa0;가져오기로 옮겨 올 수 있어요.</translation>
    </message>
</context>
<context>
    <name>ChatListDelegate</name>
    <message>
        <source>Group archive</source>
        <translation>그룹 보관</translation>
    </message>
    <message>
        <source>Needs a person</source>
        <translation>상담&#xa0;필요</translation>
    </message>
    <message>
        <source>Draft: {text}</source>
        <translation>임시 저장: {text}</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>차단됨</translation>
    </message>
</context>
<context>
    <name>ChatListModel</name>
    <message>
        <source>{0} · {1}</source>
        <comment>a chat&apos;s name · where she waits for a person</comment>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>To your number {0}</source>
        <translation>매장 번호 {0}</translation>
    </message>
    <message>
        <source>Labels: {0}</source>
        <translation>라벨: {0}</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Search in this chat</source>
        <translation>이 채팅에서 검색</translation>
    </message>
    <message>
        <source>Contact info</source>
        <translation>연락처 정보</translation>
    </message>
    <message>
        <source>No chats yet, and no relay is set up, so none can arrive. Set up your relay in File ▸ Settings. Your customers&apos; WhatsApp chats then appear on the left.</source>
        <translation>아직 채팅이 없어요. 릴레이를 설정하지 않아서 채팅이 올 수 없어요. 파일&#xa0;▸&#xa0;설정에서 릴레이를 설정하면 고객의 WhatsApp 채팅이 왼쪽에 나타나요.</translation>
    </message>
    <message>
        <source>Sample files to try are in {0}:
a bank statement for Shop ▸ Match bank deposits, and a courier&apos;s file for Tracking numbers in the Orders window.</source>
        <translation>해 볼 수 있는 예시 파일이 {0}에 있어요:
은행 거래내역은 상점&#xa0;▸&#xa0;입금&#xa0;확인에서, 택배사 송장 파일은 주문 창의 송장번호 일괄 등록에서 열어 보세요.</translation>
    </message>
    <message>
        <source>Resume bot</source>
        <translation>봇 다시 켜기</translation>
    </message>
    <message>
        <source>The menu bot answers this customer again.</source>
        <translation>메뉴 봇이 이&#xa0;고객에게 다시 답해요.</translation>
    </message>
    <message>
        <source>This group chat was imported from a phone export. It is an archive: messages cannot be sent to it, and automations never answer it.</source>
        <translation>휴대폰에서 내보낸 파일로 가져온 그룹 채팅이에요. 보관용이라 메시지를 보낼 수 없고, 자동 응답도 보내지 않아요.</translation>
    </message>
    <message>
        <source>No chats yet. Your customers&apos; messages arrive once your relay is fully set up: the strip above says what is still to fix.</source>
        <translation>아직 채팅이 없어요. 릴레이 설정을 마치면 고객 메시지가 들어와요. 아직 고칠 것은 위쪽 안내에 있어요.</translation>
    </message>
    <message>
        <source>No chats yet. When a customer writes to your shop on WhatsApp, the chat appears on the left: open it there to read and answer.

To see it work now, send your shop&apos;s WhatsApp number a message from another phone.</source>
        <translation>아직 채팅이 없어요. 고객이 WhatsApp으로 메시지를 보내면 왼쪽에 채팅이 나타나요. 채팅을 열어 읽고 답장하세요.

지금 확인해 보려면 다른 휴대폰에서 상점의 WhatsApp 번호로 메시지를 보내 보세요.</translation>
    </message>
    <message>
        <source>No chat is in the list on the left.</source>
        <translation>왼쪽 목록에 채팅이 없어요.</translation>
    </message>
    <message>
        <source>Pick a chat on the left to read and answer it.</source>
        <translation>왼쪽에서 채팅을 선택하면 읽고 답장할 수 있어요.</translation>
    </message>
    <message>
        <source>This is a demo shop: its chats are thrown away when you quit.</source>
        <translation>데모 상점이에요. 종료하면 채팅이 모두 지워져요.</translation>
    </message>
    <message>
        <source>This is a demo shop, kept in {0}.</source>
        <translation>데모 상점이에요. {0}에 저장돼요.</translation>
    </message>
    <message>
        <source>Messages with {0}</source>
        <translation>{0}님과 주고받은 메시지</translation>
    </message>
    <message>
        <source>Bot quiet until {0}</source>
        <translation>{0}까지 봇이 쉬어요</translation>
    </message>
    <message>
        <source>WhatsApp username · no phone number shared</source>
        <translation>WhatsApp 사용자 이름 · 전화번호 공유 안 함</translation>
    </message>
    <message>
        <source>To your number {0}</source>
        <translation>매장 번호 {0}</translation>
    </message>
    <message>
        <source>This customer wrote to your number {0}; replies go from it.</source>
        <translation>이&#xa0;고객은 매장 번호 {0}(으)로 연락했어요. 답장도 이&#xa0;번호로 보내요.</translation>
    </message>
    <message>
        <source>Replies from {0}</source>
        <translation>답장은 {0}에서</translation>
    </message>
    <message>
        <source>This customer wrote to your number {0}; your replies go from your number {1}, which she wrote to within 24 hours.</source>
        <translation>이&#xa0;고객은 매장 번호 {0}(으)로 연락했어요. 답장은 24시간 안에 연락이 온 매장 번호 {1}에서 보내요.</translation>
    </message>
    <message>
        <source>Group chat archive · read-only</source>
        <translation>그룹 채팅 보관 · 읽기 전용</translation>
    </message>
    <message>
        <source>Opted out of marketing</source>
        <translation>광고 수신거부</translation>
    </message>
    <message>
        <source>This customer asked not to get marketing messages: campaigns leave her out.</source>
        <translation>이&#xa0;고객은 광고 메시지를 받지 않겠다고 했어요. 캠페인에서 이&#xa0;고객은 제외돼요.</translation>
    </message>
    <message>
        <source>Message not found</source>
        <translation>메시지를 찾을 수 없음</translation>
    </message>
    <message>
        <source>The original message is not in this inbox.</source>
        <translation>원본 메시지가 이&#xa0;받은편지함에 없어요.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>전송 안 됨</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>다운로드 안 됨</translation>
    </message>
    <message>
        <source>This file has not been downloaded yet. It will be when you are online.</source>
        <translation>이&#xa0;파일은 아직 다운로드되지 않았어요. 온라인이 되면 다운로드돼요.</translation>
    </message>
    <message>
        <source>Reaction not sent</source>
        <translation>반응을 보내지 못했어요</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>다른 이름으로 저장</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>저장하지 못했어요</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>보내기 취소</translation>
    </message>
    <message>
        <source>This message may already be on its way to WhatsApp, so it can no longer be cancelled. Its ticks show what happens to it.</source>
        <translation>이&#xa0;메시지는 이미 WhatsApp으로 가는 중일 수 있어서 이제 취소할 수 없어요. 메시지 옆의 체크 표시로 결과를 확인할 수 있어요.</translation>
    </message>
    <message>
        <source>The message was not sent. Its text is on the clipboard: paste it to use it again.</source>
        <translation>메시지를 보내지 않았어요. 내용은 클립보드에 복사해 두었으니 붙여 넣어 다시 쓸 수 있어요.</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation>최신 메시지로 이동</translation>
    </message>
    <message>
        <source>“{text}” was not sent: {reason}</source>
        <translation>“{text}” 메시지를 보내지 못했어요: {reason}</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>답장(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Read the &amp;whole message</source>
        <translation>전체 메시지 보기(&amp;W)</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>링크 복사(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>다른 이름으로 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>R&amp;eact</source>
        <translation>반응 남기기(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Remove reaction</source>
        <translation>반응 취소(&amp;R)</translation>
    </message>
    <message>
        <source>Start &amp;order</source>
        <translation>주문 만들기(&amp;O)</translation>
    </message>
    <message>
        <source>Re&amp;try from {0}</source>
        <translation>{0}에서 다시 보내기(&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;try sending</source>
        <translation>다시 보내기(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>C&amp;ancel sending</source>
        <translation>보내기 취소(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ChatViewDelegate</name>
    <message>
        <source>1 unread message</source>
        <translation>읽지 않은 메시지 1개</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread messages</source>
        <translation>
            <numerusform>읽지 않은 메시지 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Can&apos;t be shown here · click to open</source>
        <translation>여기서는 볼 수 없어요 · 클릭해서 열기</translation>
    </message>
    <message>
        <source>Not sent: {0}
To reach the customer now, send an approved template with “Choose template…” below the chat. Once the customer writes again, right-click to retry.</source>
        <translation>전송 안 됨: {0}
지금 고객에게 연락하려면 채팅 아래의 “템플릿 선택…”으로 승인된 템플릿을 보내세요. 고객이 다시 메시지를 보내면 오른쪽 클릭으로 다시 보낼 수 있어요.</translation>
    </message>
    <message>
        <source>Not sent: {0}</source>
        <translation>전송 안 됨: {0}</translation>
    </message>
    <message>
        <source>The customer has not written to your number {0} in the last 24 hours, but did write to your number {1}: right-click to retry from that number.</source>
        <translation>고객이 최근 24시간 동안 매장 번호 {0}(으)로는 메시지를 보내지 않았지만 매장 번호 {1}(으)로는 보냈어요. 오른쪽 클릭해서 그&#xa0;번호로 다시 보내세요.</translation>
    </message>
    <message>
        <source>Not sent: {0}
Right-click to retry.</source>
        <translation>전송 안 됨: {0}
오른쪽 클릭으로 다시 보내세요.</translation>
    </message>
    <message>
        <source>Waiting to be sent. {reason}</source>
        <translation>전송 대기 중이에요. {reason}</translation>
    </message>
    <message>
        <source>Waiting: your relay can&apos;t reach WhatsApp right now. It will be sent as soon as it can.</source>
        <translation>전송 대기 중: 지금 릴레이가 WhatsApp에 연결하지 못하고 있어요. 연결되는 대로 보내요.</translation>
    </message>
    <message>
        <source>Waiting: WhatsApp asked for a short pause. It will be sent in a moment.</source>
        <translation>전송 대기 중: WhatsApp이 잠시 기다려 달라고 했어요. 곧 보내요.</translation>
    </message>
    <message>
        <source>Waiting: your relay could not keep this file (the disk on the relay&apos;s server may be full). It will be sent once there is room.</source>
        <translation>전송 대기 중: 릴레이가 이&#xa0;파일을 보관하지 못했어요(릴레이 서버의 디스크가 가득 찼을 수 있어요). 공간이 생기면 보내요.</translation>
    </message>
    <message>
        <source>Waiting: your relay cannot use its database right now. It will be sent once whoever looks after your relay has fixed it.</source>
        <translation>전송 대기 중: 지금 릴레이가 데이터베이스를 쓸 수 없어요. 릴레이를 관리하는 분이 고치면 보내요.</translation>
    </message>
    <message>
        <source>Waiting: your relay can&apos;t be reached. It will be sent when it is back.</source>
        <translation>전송 대기 중: 릴레이에 연결할 수 없어요. 다시 연결되면 보내요.</translation>
    </message>
    <message>
        <source>Its file is going up to your relay; the message is sent right after. It can still be canceled.</source>
        <translation>파일을 릴레이로 올리는 중이에요. 다 올라가면 바로 메시지를 보내요. 아직 보내기를 취소할 수 있어요.</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>전송 대기 중</translation>
    </message>
    <message>
        <source>Waiting: the disk on your relay&apos;s server is full, so your relay could not keep this file. It will be sent once there is room: free some space there, or ask whoever looks after your relay to.</source>
        <translation>전송 대기 중: 릴레이 서버의 디스크가 가득 차서 릴레이가 이&#xa0;파일을 보관하지 못했어요. 공간이 생기면 보내요. 서버에서 공간을 비우거나 릴레이를 관리하는 분께 부탁하세요.</translation>
    </message>
    <message>
        <source>Waiting: the disk on your relay&apos;s server reports errors, so your relay could not keep this file. Ask whoever looks after your relay to check that disk. It will be sent once the file can be kept.</source>
        <translation>전송 대기 중: 릴레이 서버의 디스크에서 오류가 나서 릴레이가 이&#xa0;파일을 보관하지 못했어요. 릴레이를 관리하는 분께 디스크 점검을 부탁하세요. 파일을 보관할 수 있게 되면 보내요.</translation>
    </message>
    <message>
        <source>Waiting: your relay may not write in its media folder, so it could not keep this file. Tell whoever set up your relay (its log says what to change). It will be sent once that is fixed.</source>
        <translation>전송 대기 중: 릴레이가 미디어 폴더에 쓸 수 없어서 이&#xa0;파일을 보관하지 못했어요. 릴레이를 설정한 분께 알려 주세요(무엇을 바꿔야 하는지 릴레이 로그에 나와 있어요). 고쳐지면 보내요.</translation>
    </message>
    <message>
        <source>Waiting: your relay was not ready for this file just now. It will be sent in a moment.</source>
        <translation>전송 대기 중: 방금은 릴레이가 이&#xa0;파일을 받을 준비가 안 됐어요. 곧 보내요.</translation>
    </message>
    <message>
        <source>Waiting: your relay&apos;s database is busy right now, so your relay could not take this file. It will be sent by itself; if this lasts, tell whoever looks after your relay.</source>
        <translation>전송 대기 중: 지금 릴레이의 데이터베이스가 바빠서 릴레이가 이&#xa0;파일을 받지 못했어요. 자동으로 보내요. 계속 이러면 릴레이를 관리하는 분께 알려 주세요.</translation>
    </message>
    <message>
        <source>Waiting: your relay cannot reach its database right now (it may be restarting), so it could not take this file. It will be sent once the database is back.</source>
        <translation>전송 대기 중: 지금 릴레이가 데이터베이스에 연결할 수 없어서(다시 시작하는 중일 수 있어요) 이&#xa0;파일을 받지 못했어요. 데이터베이스가 돌아오면 보내요.</translation>
    </message>
    <message>
        <source>Waiting: your relay&apos;s database needs fixing, so your relay could not take this file. Tell whoever looks after your relay (its log says what to change). It will be sent once that is done.</source>
        <translation>전송 대기 중: 릴레이의 데이터베이스를 고쳐야 해서 릴레이가 이&#xa0;파일을 받지 못했어요. 릴레이를 관리하는 분께 알려 주세요(무엇을 바꿔야 하는지 릴레이 로그에 나와 있어요). 고쳐지면 보내요.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>읽음</translation>
    </message>
</context>
<context>
    <name>ClosedDaysDialog</name>
    <message>
        <source>Closed days</source>
        <translation>휴무일</translation>
    </message>
    <message>
        <source>Change closed days</source>
        <translation>휴무일 바꾸기</translation>
    </message>
    <message>
        <source>For you, e.g. Chuseok or a family trip</source>
        <translation>나만 보는 메모 (예: 추석, 가족 여행)</translation>
    </message>
    <message>
        <source>For you, e.g. a public holiday or a family trip</source>
        <translation>나만 보는 메모 (예: 추석, 가족 여행)</translation>
    </message>
    <message>
        <source>&amp;First day closed</source>
        <translation>휴무 첫날(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Last day closed</source>
        <translation>휴무 마지막 날(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>메모(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ClosedDaysEditor</name>
    <message>
        <source>Closed days</source>
        <translation>휴무일</translation>
    </message>
    <message>
        <source>&amp;Add closed days…</source>
        <translation>휴무일 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>바꾸기(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>삭제(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;public holidays…</source>
        <translation>공휴일 추가(&amp;P)…</translation>
    </message>
    <message>
        <source>Holidays and vacations: the shop is closed all day, whatever the week says. The away message answers, and the menu bot says when the shop opens again.</source>
        <translation>공휴일과 휴가처럼 요일과 상관없이 하루 종일 쉬는 날이에요. 자리 비움 메시지가 답하고, 메뉴 봇은 다시 여는 날을 알려 줘요.</translation>
    </message>
    <message>
        <source>{0} (past)</source>
        <translation>{0} (지남)</translation>
    </message>
    <message>
        <source>Public holidays</source>
        <translation>공휴일</translation>
    </message>
    <message>
        <source>No public holidays are known for the shop&apos;s country in the coming year.</source>
        <translation>상점 국가의 앞으로 1년 공휴일 정보가 없어요.</translation>
    </message>
</context>
<context>
    <name>CollectionActions</name>
    <message>
        <source>A collection name can have at most {0} characters.</source>
        <translation>컬렉션 이름은 최대 {0}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>There is already a collection called “{0}”.</source>
        <translation>“{0}” 컬렉션이 이미 있어요.</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>컬렉션</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>새 컬렉션</translation>
    </message>
    <message>
        <source>&amp;Name of the collection:</source>
        <translation>컬렉션 이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation>새 이름(&amp;N):</translation>
    </message>
    <message>
        <source>Rename collection</source>
        <translation>컬렉션 이름 바꾸기</translation>
    </message>
    <message>
        <source>Delete collection</source>
        <translation>컬렉션 삭제</translation>
    </message>
    <message>
        <source>Delete this collection? Its items stay in the catalogue.</source>
        <translation>이&#xa0;컬렉션을 삭제할까요? 상품은 카탈로그에 그대로 남아요.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <source>Collections</source>
        <translation>컬렉션</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>새 컬렉션</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Rename the collection</source>
        <translation>컬렉션 이름 바꾸기</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the collection</source>
        <translation>컬렉션 삭제</translation>
    </message>
    <message>
        <source>All items ({0})</source>
        <translation>전체 상품 ({0})</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>새 컬렉션…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Delete collection</source>
        <translation>컬렉션 삭제</translation>
    </message>
</context>
<context>
    <name>ComingDelegate</name>
    <message>
        <source>Coming back</source>
        <translation>반품 수량</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Cancel reply</source>
        <translation>답장 취소</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>첨부 파일 제거</translation>
    </message>
    <message>
        <source>More than 24 hours since the customer&apos;s last message: WhatsApp only allows an approved template now.</source>
        <translation>고객의 마지막 메시지 후 24시간이 지났어요. 지금은 승인된 템플릿만 보낼 수 있어요.</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>이모지</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>파일 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose tem&amp;plate…</source>
        <translation>템플릿 선택(&amp;P)…</translation>
    </message>
    <message>
        <source>Message to {0}</source>
        <translation>{0}님에게 보낼 메시지</translation>
    </message>
    <message>
        <source>Read-only archive</source>
        <translation>읽기 전용 보관 채팅</translation>
    </message>
    <message>
        <source>The customer has not written to your number {0} in the last 24 hours: WhatsApp only allows an approved template from it. She wrote to your number {1} within 24 hours, so a reply from that number can go now.</source>
        <translation>고객이 최근 24시간 동안 매장 번호 {0}(으)로는 메시지를 보내지 않아서, 이&#xa0;번호에서는 승인된 템플릿만 보낼 수 있어요. 매장 번호 {1}(으)로는 24시간 안에 메시지를 보냈으니 그&#xa0;번호에서는 지금 답장할 수 있어요.</translation>
    </message>
    <message>
        <source>The customer has not written yet: WhatsApp only lets you start the conversation with an approved template.</source>
        <translation>고객이 아직 메시지를 보낸 적이 없어요. WhatsApp에서는 승인된 템플릿으로만 대화를 시작할 수 있어요.</translation>
    </message>
    <message>
        <source>Your reply goes from your number {0}.</source>
        <translation>답장은 매장 번호 {0}에서 보내요.</translation>
    </message>
    <message>
        <source>Free replies end in {0}</source>
        <translation>무료 답장 가능 시간 {0} 남음</translation>
    </message>
    <message>
        <source>Replies go from your number {0}.</source>
        <translation>답장은 매장 번호 {0}에서 보내요.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>{0} is a folder: open it and attach the photos or files inside.</source>
        <translation>{0} 폴더는 첨부할 수 없어요. 폴더를 열어서 안에 있는 사진이나 파일을 첨부하세요.</translation>
    </message>
    <message>
        <source>A reply to this chat was just sent from another computer or the phone: read it before you send yours.</source>
        <translation>방금 다른 컴퓨터나 휴대폰에서 이&#xa0;채팅에 답장을 보냈어요. 보내기 전에 한번 읽어 보세요.</translation>
    </message>
    <message numerus="yes">
        <source>📎 %Ln file(s): {0}</source>
        <translation>
            <numerusform>📎 파일 %Ln개: {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a caption</source>
        <translation>설명 추가</translation>
    </message>
    <message>
        <source>Rep&amp;ly from {0}</source>
        <translation>{0}에서 답장(&amp;L)</translation>
    </message>
    <message>
        <source>Not attached any more: this computer does not have {0} (moved or deleted since, or left on the old computer). Attach it again to send it.</source>
        <translation>첨부에서 빠졌어요: 이&#xa0;컴퓨터에 {0} 파일이 없어요(그사이 옮겨지거나 삭제되었거나 이전 컴퓨터에 남아 있어요). 보내려면 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>{0} 제거</translation>
    </message>
    <message>
        <source>Remove &amp;all</source>
        <translation>모두 제거(&amp;A)</translation>
    </message>
    <message>
        <source>Remove attachments</source>
        <translation>첨부 파일 제거…</translation>
    </message>
    <message>
        <source>Reply from your number {0} · / for quick replies</source>
        <translation>매장 번호 {0}에서 답장 · /로 빠른 답장</translation>
    </message>
    <message>
        <source>Type a message · / for quick replies</source>
        <translation>메시지 입력 · /로 빠른 답장</translation>
    </message>
    <message>
        <source>This customer has just written to your number {0}: your reply goes from it, not from {1}.</source>
        <translation>이&#xa0;고객이 방금 매장 번호 {0}(으)로 연락했어요. 답장은 {1}이(가) 아니라 이&#xa0;번호에서 보내요.</translation>
    </message>
    <message>
        <source>Pasted picture {0}</source>
        <translation>붙여넣은 사진 {0}</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>첨부하지 못했어요</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Try to reach your relay now</source>
        <translation>지금 릴레이에 다시 연결해 봐요</translation>
    </message>
    <message>
        <source>Settin&amp;gs</source>
        <translation>설정(&amp;G)</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>Close Shop Inbox and open it again</source>
        <translation>샵&#xa0;인박스를 닫고 다시 열어요</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Reconnected to your relay.</source>
        <translation>릴레이에 다시 연결됐어요.</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <source>Next try in {wait}.</source>
        <translation>{wait} 후에 다시 시도해요.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message numerus="yes">
        <source>Shop Inbox sends your %Ln waiting replies by itself as soon as the relay answers.</source>
        <translation>
            <numerusform>보내기를 기다리는 답장 %Ln개는 릴레이가 다시 응답하면 샵&#xa0;인박스가 알아서 보내요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your relay answers plain http://, not https://. If it runs on this computer, use {plain_url} in Settings.</source>
        <translation>릴레이가 https://가 아닌 일반 http://로 응답해요. 이&#xa0;컴퓨터의 릴레이라면 설정에서 주소를 {plain_url}(으)로 바꾸세요.</translation>
    </message>
    <message>
        <source>The network this computer is on wants you to sign in (a hotspot&apos;s or café&apos;s login page) before it lets Shop Inbox reach your relay. Open a web browser and sign in; Shop Inbox connects again by itself.</source>
        <translation>이&#xa0;컴퓨터가 연결된 네트워크가 로그인을 요구하고 있어서(핫스팟이나 카페의 로그인 페이지) 샵&#xa0;인박스가 릴레이에 연결할 수 없어요. 웹 브라우저를 열어 로그인해 주세요. 로그인하면 샵&#xa0;인박스가 알아서 다시 연결해요.</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>다시 시도(&amp;T)</translation>
    </message>
    <message>
        <source>Close this notice</source>
        <translation>이 알림 닫기</translation>
    </message>
    <message>
        <source>Show the folder that holds your inbox</source>
        <translation>받은편지함 파일이 있는 폴더를 열어요</translation>
    </message>
    <message>
        <source>Your relay&apos;s security certificate has expired, so Shop Inbox does not connect to it: nothing is sent until it is renewed. Ask whoever looks after your relay to renew it (it renews by itself while the relay&apos;s server can be reached on ports 80 and 443). If this computer&apos;s date is wrong, correct it first.</source>
        <translation>릴레이의 보안 인증서가 만료되어 샵&#xa0;인박스가 릴레이에 연결하지 않아요. 인증서가 갱신될 때까지 아무것도 보내지 않아요. 릴레이를 관리하는 분께 인증서 갱신을 부탁하세요(릴레이 서버에 80번과 443번 포트로 접속할 수 있으면 저절로 갱신돼요). 이&#xa0;컴퓨터의 날짜가 틀렸다면 먼저 날짜를 맞춰 주세요.</translation>
    </message>
    <message>
        <source>The security certificate that answers at your relay&apos;s address is not valid for it, so Shop Inbox does not connect. On a hotspot or café Wi-Fi, the network may want you to sign in first: open a web browser and sign in. Otherwise check the relay address in Settings; if it is right, ask whoever looks after your relay to fix its certificate.</source>
        <translation>릴레이 주소에서 응답한 보안 인증서가 그&#xa0;주소에 맞지 않아서 샵&#xa0;인박스가 연결하지 않아요. 핫스팟이나 카페 와이파이라면 네트워크가 먼저 로그인을 요구하는 것일 수 있어요. 웹 브라우저를 열어 로그인해 주세요. 그렇지 않다면 설정에서 릴레이 주소를 확인하세요. 주소가 맞다면 릴레이를 관리하는 분께 인증서를 고쳐 달라고 부탁하세요.</translation>
    </message>
    <message>
        <source>Your relay&apos;s security certificate comes from an authority this computer does not trust, so Shop Inbox does not connect: nothing is sent. If your relay uses a certificate from your company&apos;s own authority, ask whoever looks after this computer to install that authority in its certificate store, then press Retry. On a hotspot or café Wi-Fi, the network may want you to sign in first: open a web browser and sign in.</source>
        <translation>릴레이의 보안 인증서는 이&#xa0;컴퓨터가 신뢰하지 않는 기관에서 발급한 것이라 샵&#xa0;인박스가 연결하지 않아요. 아무것도 보내지 않았어요. 릴레이가 회사 자체 인증 기관의 인증서를 쓴다면 이&#xa0;컴퓨터를 관리하는 분께 그&#xa0;인증 기관을 컴퓨터의 인증서 저장소에 설치해 달라고 부탁한 뒤 다시 시도를 눌러 주세요. 핫스팟이나 카페 와이파이라면 네트워크가 먼저 로그인을 요구하는 것일 수 있어요. 웹 브라우저를 열어 로그인해 주세요.</translation>
    </message>
    <message>
        <source>Your relay is running but cannot use its database, so new messages cannot arrive and your replies wait. Nothing is lost: WhatsApp keeps delivering your customers&apos; messages until the relay takes them. Ask whoever looks after your relay to look at its log; Shop Inbox connects again by itself once it is fixed.</source>
        <translation>릴레이는 켜져 있지만 데이터베이스를 쓸 수 없어서 새&#xa0;메시지가 들어오지 못하고 보낼 답장은 기다리고 있어요. 잃어버리는 메시지는 없어요. 릴레이가 받을 때까지 WhatsApp이 고객 메시지를 계속 다시 보내요. 릴레이를 관리하는 분께 릴레이 로그를 확인해 달라고 부탁하세요. 고쳐지면 샵&#xa0;인박스가 알아서 다시 연결해요.</translation>
    </message>
    <message>
        <source>The web proxy this computer is set to use refused to connect Shop Inbox to your relay. Ask whoever looks after this computer&apos;s network to allow your relay&apos;s address, or change the proxy in the computer&apos;s network settings.</source>
        <translation>이&#xa0;컴퓨터에 설정된 웹 프록시가 샵&#xa0;인박스의 릴레이 연결을 거부했어요. 이&#xa0;컴퓨터의 네트워크를 관리하는 분께 릴레이 주소를 허용해 달라고 부탁하거나, 컴퓨터의 네트워크 설정에서 프록시를 바꿔 주세요.</translation>
    </message>
    <message>
        <source>The disk is full, and your relay cannot be reached either. New messages wait on your relay and nothing is lost: free some space on this computer, and they arrive once the relay answers.</source>
        <translation>디스크 공간이 가득 찼고, 릴레이에도 연결할 수 없어요. 새&#xa0;메시지는 릴레이에서 기다리고 있어서 잃어버리는 메시지는 없어요. 이&#xa0;컴퓨터의 공간을 비워 주시면 릴레이가 응답할 때 메시지가 들어와요.</translation>
    </message>
    <message>
        <source>Cannot reach your relay. Trying again in {wait}</source>
        <translation>릴레이에 연결할 수 없어요. {wait} 후에 다시 시도해요</translation>
    </message>
    <message>
        <source>Cannot reach your relay. Trying again…</source>
        <translation>릴레이에 연결할 수 없어요. 다시 시도하는 중…</translation>
    </message>
    <message>
        <source>Cannot reach your relay: new messages arrive when it answers again. Saved chats stay available.</source>
        <translation>릴레이에 연결할 수 없어요. 릴레이가 다시 응답하면 새&#xa0;메시지가 들어와요. 저장된 채팅은 계속 볼 수 있어요.</translation>
    </message>
    <message>
        <source>Your relay no longer accepts this computer&apos;s relay token (it may have been changed on the relay). Paste the current one in Settings; whoever looks after your relay can give it to you.</source>
        <translation>릴레이가 이&#xa0;컴퓨터의 릴레이 토큰을 더 이상 받지 않아요(릴레이에서 바뀌었을 수 있어요). 현재 릴레이 토큰을 설정에 붙여 넣으세요. 릴레이를 관리하는 분이 알려 줄 수 있어요.</translation>
    </message>
    <message numerus="yes">
        <source>Shop Inbox sends your %n waiting replies once it is pasted.</source>
        <translation>
            <numerusform>붙여 넣으면 기다리는 답장 %n개를 샵&#xa0;인박스가 알아서 보내요.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer has no relay token yet, so new messages cannot arrive: a restored backup never brings it along, to keep it safe. Paste your relay token in Settings ▸ Relay.</source>
        <translation>이&#xa0;컴퓨터에는 아직 릴레이 토큰이 없어서 새&#xa0;메시지를 받을 수 없어요. 안전을 위해 백업을 복원해도 토큰은 따라오지 않아요. 설정&#xa0;▸&#xa0;릴레이에서 릴레이 토큰을 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>No relay token is kept on this computer, so new messages cannot arrive. Paste your relay token in Settings ▸ Relay; whoever set up your relay can give it to you.</source>
        <translation>이&#xa0;컴퓨터에 보관된 릴레이 토큰이 없어서 새&#xa0;메시지를 받을 수 없어요. 설정&#xa0;▸&#xa0;릴레이에서 릴레이 토큰을 붙여 넣으세요. 릴레이를 설정한 분에게 받을 수 있어요.</translation>
    </message>
    <message>
        <source>This computer&apos;s password store (keyring) is locked, so Shop Inbox cannot read your relay token and new messages cannot arrive. Your relay token is not lost: unlock the password store (your computer asks for its password), then press Retry.</source>
        <translation>이&#xa0;컴퓨터의 비밀번호 저장소(키링)가 잠겨 있어서 샵&#xa0;인박스가 릴레이 토큰을 읽을 수 없고, 새&#xa0;메시지를 받을 수 없어요. 릴레이 토큰이 없어진 건 아니에요. 비밀번호 저장소의 잠금을 푼 다음(컴퓨터가 비밀번호를 물어봐요) 다시 시도를 누르세요.</translation>
    </message>
    <message>
        <source>Your relay can&apos;t reach WhatsApp, so replies wait and are sent as soon as it can. Check the relay&apos;s internet connection, or run its check in Settings ▸ Relay.</source>
        <translation>릴레이가 WhatsApp에 연결하지 못해서 답장이 대기 중이에요. 연결되는 대로 보내요. 릴레이 서버의 인터넷 연결을 확인하거나 설정&#xa0;▸&#xa0;릴레이에서 점검을 실행해 보세요.</translation>
    </message>
    <message>
        <source>No customer has written for {days} days, though your relay is connected. If your shop usually hears from customers every day, WhatsApp may have stopped sending messages to the relay: check it in Settings.</source>
        <translation>릴레이는 연결돼 있는데 {days}일 동안 고객 메시지가 없어요. 평소 매일 고객 메시지가 온다면 WhatsApp이 릴레이로 메시지를 보내지 않는 것일 수 있어요. 설정에서 확인하세요.</translation>
    </message>
    <message>
        <source>Your data folder, {folder}, is not there any more (a USB stick taken out, a drive disconnected?). New messages wait on your relay and nothing is lost: put it back, then press Start again.</source>
        <translation>데이터 폴더 {folder}이(가) 더 이상 보이지 않아요(USB 메모리를 뺐거나 드라이브 연결이 끊겼나요?). 새&#xa0;메시지는 릴레이에서 기다리고 있어서 잃어버린 것은 없어요. 다시 연결한 뒤 다시 시작을 누르세요.</translation>
    </message>
    <message>
        <source>The disk is full: new messages wait on your relay until there is room on this computer. Free some space; nothing is lost.</source>
        <translation>디스크 공간이 가득 찼어요. 새&#xa0;메시지는 이&#xa0;컴퓨터에 공간이 생길 때까지 릴레이에서 기다려요. 공간을 비워 주세요. 잃어버리는 메시지는 없어요.</translation>
    </message>
    <message>
        <source>New messages cannot be saved on this computer right now (the inbox file is busy or cannot be written). They wait on your relay; nothing is lost.</source>
        <translation>지금은 새&#xa0;메시지를 이&#xa0;컴퓨터에 저장할 수 없어요(받은편지함 파일이 사용 중이거나 쓸 수 없어요). 메시지는 릴레이에서 기다려요. 잃어버리는 메시지는 없어요.</translation>
    </message>
    <message>
        <source>The disk is full, so your chats are open to read only: new messages wait on your relay, and nothing can be sent or changed here. Free some space on this computer, then start again.</source>
        <translation>디스크 공간이 가득 차서 채팅을 읽기만 할 수 있어요. 새&#xa0;메시지는 릴레이에서 기다리고, 여기서는 보내거나 바꿀 수 없어요. 이&#xa0;컴퓨터의 공간을 비운 뒤 다시 시작해 주세요.</translation>
    </message>
    <message>
        <source>When this computer caught up with your relay on {when}, some messages that had arrived while it was not connected were no longer kept by the relay and could not be loaded. They are still on your phone: File ▸ Import chat from phone brings them in.</source>
        <translation>{when}에 이&#xa0;컴퓨터가 릴레이의 메시지를 다시 받아 올 때, 컴퓨터가 꺼져 있던 동안 온 메시지 중 일부가 릴레이에 더 이상 보관되지 않아 불러오지 못했어요. 이&#xa0;메시지는 휴대폰에 그대로 있어요. 파일&#xa0;▸&#xa0;휴대폰에서&#xa0;채팅&#xa0;가져오기로 옮겨 올 수 있어요.</translation>
    </message>
    <message>
        <source>Some older messages were no longer kept by the relay and could not be loaded. They are still on your phone: File ▸ Import chat from phone brings them in.</source>
        <translation>릴레이에 더 이상 보관되지 않은 오래된 메시지가 있어 불러오지 못했어요. 이&#xa0;메시지는 휴대폰에 그대로 있어요. 파일&#xa0;▸&#xa0;휴대폰에서&#xa0;채팅&#xa0;가져오기로 옮겨 올 수 있어요.</translation>
    </message>
    <message>
        <source>Some messages that arrived after {when}, when this computer last received messages, were no longer kept by the relay and could not be loaded. They are still on your phone: File ▸ Import chat from phone brings them in.</source>
        <translation>이&#xa0;컴퓨터가 마지막으로 메시지를 받은 {when} 이후에 온 메시지 중 일부가 릴레이에 더 이상 보관되지 않아 불러오지 못했어요. 이&#xa0;메시지는 휴대폰에 그대로 있어요. 파일&#xa0;▸&#xa0;휴대폰에서&#xa0;채팅&#xa0;가져오기로 옮겨 올 수 있어요.</translation>
    </message>
    <message>
        <source>Your relay has been answered from another computer too: the messages it still keeps are here now. Labels, quick replies, orders, the catalogue and older chats stay on that computer. To have them here as well, choose File ▸ Back up now there, then File ▸ Restore from backup here.</source>
        <translation>다른 컴퓨터에서도 이&#xa0;릴레이로 답장한 적이 있어요. 릴레이에 남아 있는 메시지는 여기로 가져왔어요. 라벨, 빠른 답장, 주문, 카탈로그, 오래된 채팅은 그&#xa0;컴퓨터에 있어요. 여기서도 쓰려면 그&#xa0;컴퓨터에서 파일&#xa0;▸&#xa0;지금&#xa0;백업을 고른 뒤, 여기서 파일&#xa0;▸&#xa0;백업에서&#xa0;복원을 고르세요.</translation>
    </message>
    <message>
        <source>Your relay started its message history afresh (it is new, or was restored from a backup). Shop Inbox read everything it holds; the chats on this computer are kept.</source>
        <translation>릴레이의 메시지 기록이 처음부터 새로 시작됐어요(새&#xa0;릴레이이거나 백업에서 복원된 릴레이예요). 샵&#xa0;인박스가 릴레이에 있는 메시지를 모두 다시 불러왔고, 이&#xa0;컴퓨터의 채팅은 그대로 있어요.</translation>
    </message>
    <message>
        <source>No relay set up yet, so no messages arrive. Set up your relay in Settings to receive your customers&apos; chats.</source>
        <translation>아직 릴레이를 설정하지 않아서 메시지가 오지 않아요. 고객의 채팅을 받으려면 설정에서 릴레이를 설정해 주세요.</translation>
    </message>
    <message>
        <source>Not connected to a relay: you are browsing saved chats.</source>
        <translation>릴레이에 연결되지 않음: 저장된 채팅을 보는 중이에요.</translation>
    </message>
</context>
<context>
    <name>ConsentBox</name>
    <message>
        <source>Agreed to recei&amp;ve notifications</source>
        <translation>알림 수신에 동의함(&amp;V)</translation>
    </message>
    <message>
        <source>Agreed to mar&amp;keting messages</source>
        <translation>광고성 메시지 수신에 동의함(&amp;K)</translation>
    </message>
    <message>
        <source>An ad also needs “{0}” ticked. Until it is, campaigns leave this customer out: tick it only if the customer agreed to that too.</source>
        <translation>광고를 보내려면 “{0}”에도 체크해야 해요. 그전까지는 캠페인에서 이&#xa0;고객이 제외돼요. 고객이 알림 수신에도 동의했을 때만 체크하세요.</translation>
    </message>
    <message>
        <source>Record opt-o&amp;ut</source>
        <translation>수신거부 기록(&amp;U)</translation>
    </message>
    <message>
        <source>Clear opt-o&amp;ut</source>
        <translation>수신거부 해제(&amp;U)</translation>
    </message>
    <message>
        <source>How?</source>
        <translation>받은 방법</translation>
    </message>
    <message>
        <source>Agreed on {0}, ended by the opt-out below. Tick it only when the customer agrees again.</source>
        <translation>{0}에 동의했지만 아래 수신거부로 끝났어요. 고객이 다시 동의할 때만 체크하세요.</translation>
    </message>
    <message>
        <source>Opted out of marketing on {0} ({1})</source>
        <translation>{0}에 광고 수신을 거부함 ({1})</translation>
    </message>
    <message>
        <source>Agreed {0} months ago: ask again before marketing.</source>
        <translation>동의한 지 {0}개월이 지났어요. 광고를 보내기 전에 다시 확인받으세요.</translation>
    </message>
    <message>
        <source>Also at night ({0}–{1})</source>
        <translation>야간({0}~{1})에도 수신 동의</translation>
    </message>
    <message>
        <source>Agreed to marketing messages at night too</source>
        <translation>야간에도 광고성 메시지 수신에 동의함</translation>
    </message>
    <message>
        <source>Since {0}, {1}</source>
        <translation>{0}부터, {1}</translation>
    </message>
    <message>
        <source>Since {0}</source>
        <translation>{0}부터</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
    <message>
        <source>Close contact info</source>
        <translation>연락처 정보 닫기</translation>
    </message>
    <message>
        <source>Contact info</source>
        <translation>연락처 정보</translation>
    </message>
    <message>
        <source>Name you saved</source>
        <translation>저장한 이름</translation>
    </message>
    <message>
        <source>Saved name</source>
        <translation>저장한 이름</translation>
    </message>
    <message>
        <source>WhatsApp name</source>
        <translation>WhatsApp 이름</translation>
    </message>
    <message>
        <source>Private notes</source>
        <translation>비공개 메모</translation>
    </message>
    <message>
        <source>Private notes (only you see them)</source>
        <translation>개인 메모 (나만 볼 수 있어요)</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>수신 동의</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>참여자</translation>
    </message>
    <message>
        <source>Export chat…</source>
        <translation>채팅 내보내기…</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>차단(&amp;B)</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>라벨</translation>
    </message>
    <message>
        <source>&amp;Add phone number…</source>
        <translation>전화번호 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>This custo&amp;mer&apos;s orders…</source>
        <translation>이 고객의 주문(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Block this customer</source>
        <translation>이 고객 차단(&amp;B)</translation>
    </message>
    <message>
        <source>Save this chat to a file</source>
        <translation>이 채팅을 파일로 저장해요</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Media and documents</source>
        <translation>미디어 및 문서</translation>
    </message>
    <message>
        <source>Group chat archive · read-only</source>
        <translation>그룹 채팅 보관 · 읽기 전용</translation>
    </message>
    <message>
        <source>{0} — your contact {1}</source>
        <translation>{0} — 내 연락처 {1}</translation>
    </message>
    <message>
        <source>Block customer</source>
        <translation>고객 차단</translation>
    </message>
    <message>
        <source>Block this customer? Their messages stay, and you can&apos;t write to them until you unblock.</source>
        <translation>이&#xa0;고객을 차단할까요? 메시지는 그대로 남고, 차단을 해제할 때까지 메시지를 보낼 수 없어요.</translation>
    </message>
</context>
<context>
    <name>ContactPickerDialog</name>
    <message>
        <source>Choose contacts</source>
        <translation>연락처 선택</translation>
    </message>
    <message>
        <source>Search by name or phone number</source>
        <translation>이름이나 전화번호로 찾기</translation>
    </message>
</context>
<context>
    <name>CostNote</name>
    <message>
        <source>Enter your price per message in Settings to see the cost.</source>
        <translation>설정에서 메시지당 가격을 입력하면 비용이 보여요.</translation>
    </message>
    <message>
        <source>Opens Settings at the campaign prices</source>
        <translation>설정의 캠페인 메시지 가격을 열어요</translation>
    </message>
    <message>
        <source>Meta charges up to 1 marketing message (if delivered).</source>
        <translation>Meta가 최대 1건의 마케팅 메시지 요금을 부과해요 (전달되면).</translation>
    </message>
    <message>
        <source>Meta charges up to {0} marketing messages (each one delivered).</source>
        <translation>Meta가 최대 {0}건의 마케팅 메시지 요금을 부과해요 (전달된 메시지마다).</translation>
    </message>
    <message>
        <source>Meta charges 1 utility message.</source>
        <translation>Meta가 유틸리티 메시지 1건에 요금을 부과해요.</translation>
    </message>
    <message>
        <source>Meta charges {0} utility messages.</source>
        <translation>Meta가 유틸리티 메시지 {0}건에 요금을 부과해요.</translation>
    </message>
    <message>
        <source>Meta charges nothing: the utility message goes inside an open window, free.</source>
        <translation>Meta 요금은 없어요. 고객이 24시간 안에 메시지를 보내서 유틸리티 메시지가 무료예요.</translation>
    </message>
    <message>
        <source>Meta charges nothing: all {0} utility messages go inside an open window, free.</source>
        <translation>Meta 요금은 없어요. 고객이 24시간 안에 메시지를 보내서 유틸리티 메시지 {0}건 모두 무료예요.</translation>
    </message>
    <message>
        <source>Meta charges 1 utility message; 1 goes inside an open window, free.</source>
        <translation>Meta가 유틸리티 메시지 1건에 요금을 부과해요. 1건은 고객이 24시간 안에 메시지를 보내서 무료예요.</translation>
    </message>
    <message>
        <source>Meta charges {0} utility messages; 1 goes inside an open window, free.</source>
        <translation>Meta가 유틸리티 메시지 {0}건에 요금을 부과해요. 1건은 고객이 24시간 안에 메시지를 보내서 무료예요.</translation>
    </message>
    <message>
        <source>Meta charges 1 utility message; {1} go inside an open window, free.</source>
        <translation>Meta가 유틸리티 메시지 1건에 요금을 부과해요. {1}건은 고객이 24시간 안에 메시지를 보내서 무료예요.</translation>
    </message>
    <message>
        <source>Meta charges {0} utility messages; {1} go inside an open window, free.</source>
        <translation>Meta가 유틸리티 메시지 {0}건에 요금을 부과해요. {1}건은 고객이 24시간 안에 메시지를 보내서 무료예요.</translation>
    </message>
    <message>
        <source>About {0} at your one price per message: Meta&apos;s price differs by country, and these customers are in {1} countries.</source>
        <translation>예상 비용: 약&#xa0;{0} (입력한 메시지당 가격 하나로 계산). Meta 요금은 나라마다 달라요: 받는 고객들이 {1}개 나라에 있어요.</translation>
    </message>
    <message>
        <source>About {0} at your one price per message: Meta&apos;s price differs by country, and these customers are all in {1}.</source>
        <translation>예상 비용: 약&#xa0;{0} (입력한 메시지당 가격 하나로 계산). Meta 요금은 나라마다 달라요: 받는 고객들이 모두 {1}에 있어요.</translation>
    </message>
    <message>
        <source>Estimated cost: {0}.</source>
        <translation>예상 비용: {0}.</translation>
    </message>
</context>
<context>
    <name>DamagedInbox</name>
    <message>
        <source>Restore from backup</source>
        <translation>백업에서 복원</translation>
    </message>
    <message>
        <source>Your chats were restored from the backup. Shop Inbox starts again now.
The damaged inbox file was kept in {folder}.</source>
        <translation>백업에서 채팅을 복원했어요. 샵&#xa0;인박스를 지금 다시 시작해요.
손상된 받은편지함 파일은 {folder}에 보관했어요.</translation>
    </message>
    <message>
        <source>The damaged inbox file is as it was; try another backup.</source>
        <translation>손상된 받은편지함 파일은 그대로예요. 다른 백업으로 다시 해 보세요.</translation>
    </message>
    <message>
        <source>Start with an empty inbox</source>
        <translation>빈 받은편지함으로 시작</translation>
    </message>
    <message>
        <source>Start with an empty inbox?

The damaged inbox file is kept in the data folder&apos;s &quot;replaced&quot; folder, not deleted. Once you connect your relay again, the messages it still keeps (usually those of the last 30 days) come back.</source>
        <translation>빈 받은편지함으로 시작할까요?

손상된 받은편지함 파일은 지우지 않고 데이터 폴더의 &quot;replaced&quot; 폴더에 보관해요. 릴레이를 다시 연결하면 릴레이가 아직 보관하고 있는 메시지(보통 최근 30일)가 다시 들어와요.</translation>
    </message>
    <message>
        <source>&amp;Start empty</source>
        <translation>빈 상태로 시작(&amp;S)</translation>
    </message>
    <message>
        <source>Shop Inbox starts again now with an empty inbox.
The damaged inbox file was kept in {folder}.</source>
        <translation>샵&#xa0;인박스를 빈 받은편지함으로 지금 다시 시작해요.
손상된 받은편지함 파일은 {folder}에 보관했어요.</translation>
    </message>
    <message>
        <source>Start the demo afresh</source>
        <translation>데모 새로 시작</translation>
    </message>
    <message>
        <source>The demo starts afresh now, with a new demo shop.
Its damaged inbox file was kept in {folder}.</source>
        <translation>이제 새&#xa0;데모 상점으로 데모를 다시 시작해요.
손상된 받은편지함 파일은 {folder}에 보관했어요.</translation>
    </message>
</context>
<context>
    <name>DayHoursEditor</name>
    <message>
        <source>Closed</source>
        <translation>휴무</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>영업</translation>
    </message>
    <message>
        <source>Open all day</source>
        <translation>24시간 영업</translation>
    </message>
    <message>
        <source>Add hours</source>
        <translation>시간 추가</translation>
    </message>
    <message>
        <source>Adds opening hours to this day ({0})</source>
        <translation>이&#xa0;요일에 영업시간을 더해요({0})</translation>
    </message>
    <message>
        <source>Join them</source>
        <translation>합치기</translation>
    </message>
    <message>
        <source>Makes the two overlapping ranges one, from the earlier opening to the later closing.</source>
        <translation>겹치는 두&#xa0;시간을 하나로 합쳐요. 더 이른 여는 시간부터 더 늦은 닫는 시간까지예요.</translation>
    </message>
</context>
<context>
    <name>DemoSplash</name>
    <message>
        <source>Opening the demo shop…</source>
        <translation>데모 상점을 여는 중이에요…</translation>
    </message>
    <message>
        <source>Writing the demo shop&apos;s chats, catalogue and orders…</source>
        <translation>데모 상점의 채팅, 카탈로그, 주문을 준비하는 중이에요…</translation>
    </message>
    <message>
        <source>Bringing in the demo&apos;s customers…</source>
        <translation>데모 상점의 가상 고객을 불러오는 중이에요…</translation>
    </message>
    <message>
        <source>Opening the window…</source>
        <translation>창을 여는 중이에요…</translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message>
        <source>Match bank deposits</source>
        <translation>입금 확인</translation>
    </message>
    <message>
        <source>Download the account&apos;s transactions from your bank as an Excel (.xlsx) or CSV file and open it here. Deposits are matched to orders awaiting payment by depositor name and amount; one deposit for several of a customer&apos;s orders, by their total; tick the ones to confirm. A deposit under another name is matched by amount only, and one for a new order not yet asked for payment as such; both are left for you.</source>
        <translation>은행에서 계좌 거래내역을 엑셀(.xlsx)이나 CSV 파일로 내려받아 여기서 열어 주세요. 입금 대기 중인 주문과 입금자명·금액이 맞는 입금을 찾아 드려요. 한&#xa0;고객이 여러 주문을 한&#xa0;번에 입금했다면 주문 합계로 찾아요. 결제 완료로 표시할 항목에 체크하세요. 입금자명이 다른 입금(금액만 맞음)과 입금 요청 전 주문에 들어온 입금은 체크하지 않고 남겨 두니 직접 확인해 주세요.</translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation>입금 내역</translation>
    </message>
    <message>
        <source>&amp;Open bank file…</source>
        <translation>거래내역 파일 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Download the account&apos;s transactions from your bank as an Excel (.xlsx) or CSV file and open it here. Payments are matched to orders awaiting payment by payment reference and amount; one payment for several of a customer&apos;s orders, by their total; tick the ones to confirm. A payment with another reference is matched by amount only, and one for a new order not yet asked for payment as such; both are left for you.</source>
        <translation>은행에서 계좌 거래내역을 엑셀(.xlsx)이나 CSV 파일로 내려받아 여기서 열어 주세요. 입금 대기 중인 주문과 입금 참조·금액이 맞는 입금을 찾아 드려요. 한&#xa0;고객이 여러 주문을 한&#xa0;번에 입금했다면 주문 합계로 찾아요. 결제 완료로 표시할 항목에 체크하세요. 입금 참조가 다른 입금(금액만 맞음)과 입금 요청 전 주문에 들어온 입금은 체크하지 않고 남겨 두니 직접 확인해 주세요.</translation>
    </message>
    <message>
        <source>&amp;Restore the order as paid</source>
        <translation>주문을 결제 완료로 되살리기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Leave it for a refund</source>
        <translation>환불할 입금으로 두기(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Mark checked orders paid</source>
        <translation>체크한 주문을 결제 완료로 표시(&amp;M)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Open bank file</source>
        <translation>거래내역 파일 열기</translation>
    </message>
    <message>
        <source>Bank transactions (*.xlsx *.xls *.csv *.txt)</source>
        <translation>은행 거래내역 (*.xlsx *.xls *.csv *.txt)</translation>
    </message>
    <message numerus="yes">
        <source>{0} · {1}, ordered {2}, is the order placed nearest before this deposit of {3}, of %Ln order(s) under this name for this amount. Mark it paid if you know it is hers.</source>
        <translation>
            <numerusform>{1}님의 {0} 주문({2})이 같은 이름, 같은 금액의 주문 %Ln건 중 이&#xa0;{3} 입금 바로 전에 들어온 주문이에요. 이&#xa0;고객의 입금이 확실할 때만 결제 완료로 표시하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark {0} &amp;paid</source>
        <translation>{0} 결제 완료로 표시(&amp;P)</translation>
    </message>
    <message>
        <source>Mark order {0} paid</source>
        <translation>주문 {0} 결제 완료로 표시</translation>
    </message>
    <message>
        <source>{0} · {1} was cancelled when its payment deadline passed. {2} of a deposit that pays {3} is free since the order was moved back. Restore it as paid with that part (its items are taken from stock again), or leave that part to be refunded (noted in the order&apos;s history).</source>
        <translation>{0} · {1} 주문은 입금 기한이 지나 자동 취소되었어요. {3} 주문을 결제한 입금 중 {2}은(는) 이&#xa0;주문을 되돌린 뒤로 남아 있어요. 그&#xa0;금액으로 주문을 결제 완료로 되살리거나(상품을 재고에서 다시 빼요), 그&#xa0;금액을 환불할 입금으로 둘 수 있어요(주문 기록에 남아요).</translation>
    </message>
    <message>
        <source>{0} · {1} was cancelled when its payment deadline passed, and {2} came afterwards. Restore it as paid (its items are taken from stock again), or leave the money to be refunded (noted in the order&apos;s history).</source>
        <translation>{0} · {1} 주문은 입금 기한이 지나 자동 취소되었고, 그&#xa0;뒤에 {2}이(가) 입금되었어요. 주문을 결제 완료로 되살리거나(상품을 재고에서 다시 빼요), 환불할 입금으로 둘 수 있어요(주문 기록에 남아요).</translation>
    </message>
    <message>
        <source>The order stays cancelled: add the new stock in the catalogue and try again, or leave the money for a refund.</source>
        <translation>주문은 취소된 그대로예요. 카탈로그에서 재고를 채운 뒤 다시 해 보시거나, 환불할 입금으로 두세요.</translation>
    </message>
</context>
<context>
    <name>DepositModel</name>
    <message>
        <source>Deposited</source>
        <translation>입금 일시</translation>
    </message>
    <message>
        <source>Depositor</source>
        <translation>입금자명</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>입금 참조</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>일치</translation>
    </message>
    <message>
        <source>{0} · {1} free</source>
        <translation>{0} · {1} 남음</translation>
    </message>
    <message>
        <source>{0} · ordered {1}</source>
        <translation>{0} · {1} 주문</translation>
    </message>
    <message>
        <source>{0} of it is free again ({1} stays paid by it). {2}</source>
        <translation>이&#xa0;중 {0}이(가) 다시 남았어요({1} 주문은 이&#xa0;입금으로 결제된 그대로예요). {2}</translation>
    </message>
    <message>
        <source>Name and amount</source>
        <translation>입금자명과 금액 일치</translation>
    </message>
    <message>
        <source>Amount only: expected depositor “{0}”</source>
        <translation>금액만 일치: 예상 입금자명 “{0}”</translation>
    </message>
    <message>
        <source>Amount only: expected reference “{0}”</source>
        <translation>금액만 일치: 예상 입금 참조 “{0}”</translation>
    </message>
    <message>
        <source>Order before the payment request: name and amount</source>
        <translation>입금 요청 전 주문: 이름과 금액 일치</translation>
    </message>
    <message>
        <source>Order before the payment request: amount only</source>
        <translation>입금 요청 전 주문: 금액만 일치</translation>
    </message>
    <message numerus="yes">
        <source>One deposit for %Ln orders: name and their total</source>
        <translation>
            <numerusform>입금 1건으로 주문 %Ln건: 이름과 합계 금액 일치</numerusform>
        </translation>
    </message>
    <message>
        <source> or </source>
        <translation> 또는 </translation>
    </message>
    <message>
        <source>This customer&apos;s orders add up to this amount in more than one way ({0}): mark the right ones paid in their windows</source>
        <translation>이&#xa0;고객의 주문을 더해 이&#xa0;금액이 되는 경우가 여럿이에요({0}). 맞는 주문을 각&#xa0;주문 창에서 결제 완료로 바꿔 주세요</translation>
    </message>
    <message>
        <source>Its order was cancelled when the payment deadline passed ({0}): choose below</source>
        <translation>입금 기한이 지나 취소된 주문의 입금 (취소: {0}) — 아래에서 선택하세요</translation>
    </message>
    <message numerus="yes">
        <source>Her %Ln deposits in this file add up to an order you marked paid yourself ({0}): nothing to do</source>
        <translation>
            <numerusform>이&#xa0;파일의 입금 %Ln건을 합치면 직접 결제 완료로 표시한 주문({0})의 금액이에요. 따로 할 일은 없어요</numerusform>
        </translation>
    </message>
    <message>
        <source>Name and amount of an order you marked paid yourself ({0}): nothing to do</source>
        <translation>직접 결제 완료로 표시한 주문({0})의 이름·금액과 같아요. 따로 할 일은 없어요</translation>
    </message>
    <message>
        <source>{0} (ordered {1})</source>
        <translation>{0} ({1} 주문)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln orders under this name wait for this amount, the one ordered nearest before the deposit first: {0}. If the first is hers, mark it paid below; else the right one in its window</source>
        <translation>
            <numerusform>같은 이름, 같은 금액의 주문이 %Ln건 있어요. 입금 바로 전에 들어온 주문부터 보여 드려요: {0}. 첫&#xa0;주문이 맞으면 아래에서 결제 완료로 표시하고, 아니면 맞는 주문을 주문 창에서 표시하세요</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln orders under this name wait for this amount ({0}): mark the right one paid in its window</source>
        <translation>
            <numerusform>같은 이름, 같은 금액의 주문이 %Ln건 있어요 ({0}). 맞는 주문을 골라 주문 창에서 결제 완료로 표시하세요</numerusform>
        </translation>
    </message>
    <message>
        <source>Name and amount of order {0}, but it was placed after this deposit: not its payment</source>
        <translation>이름과 금액이 같은 주문({0})은 이&#xa0;입금보다 나중에 들어왔어요. 이&#xa0;입금은 그&#xa0;주문의 결제가 아니에요</translation>
    </message>
    <message numerus="yes">
        <source>Name only: her %Ln deposits in this file add up to the order&apos;s {0}: ticked together, they mark it paid</source>
        <translation>
            <numerusform>입금자명만 일치: 이&#xa0;파일의 입금 %Ln건을 합치면 주문 금액 {0}이에요. 함께 체크하면 결제 완료로 표시해요</numerusform>
        </translation>
    </message>
    <message>
        <source>Name only: {0} less than the order&apos;s {1}: ask for the rest</source>
        <translation>입금자명만 일치: 주문 금액 {1}보다 {0} 적어요. 나머지를 요청하세요</translation>
    </message>
    <message>
        <source>Name only: {0} more than the order&apos;s {1}: refund the difference</source>
        <translation>입금자명만 일치: 주문 금액 {1}보다 {0} 많아요. 차액을 환불하세요</translation>
    </message>
    <message>
        <source>Left for a refund ({0})</source>
        <translation>환불할 입금으로 둠 ({0})</translation>
    </message>
    <message>
        <source>Already applied ({0})</source>
        <translation>이미 반영됨 ({0})</translation>
    </message>
    <message>
        <source>Restored as paid ({0}); the rest of it pays {1}</source>
        <translation>결제 완료로 되살림 ({0}), 나머지는 {1} 주문 결제분</translation>
    </message>
    <message>
        <source>Restored as paid ({0})</source>
        <translation>결제 완료로 되살림 ({0})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open order(s) have this amount, but none waits for this deposit alone: check the orders</source>
        <translation>
            <numerusform>이&#xa0;금액의 진행 중 주문이 %Ln건 있지만 이&#xa0;입금과 하나로 짝지을 수 없어요: 주문을 확인해 주세요</numerusform>
        </translation>
    </message>
    <message>
        <source>No order has this amount</source>
        <translation>이 금액의 주문이 없어요</translation>
    </message>
</context>
<context>
    <name>DraftLinesModel</name>
    <message>
        <source>Item</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>단가</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Type the price</source>
        <translation>가격 입력</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This inbox was saved by a newer version of Shop Inbox (data version {found}; this version understands up to {supported}). Please update Shop Inbox.</source>
        <translation>이&#xa0;받은편지함은 더 새로운 버전의 샵&#xa0;인박스로 저장되었어요 (데이터 버전 {found}, 이&#xa0;버전은 {supported}까지 읽을 수 있어요). 샵&#xa0;인박스를 업데이트하세요.</translation>
    </message>
    <message>
        <source>Shop Inbox cannot open or write its data in {path}. Check that the folder exists, that you may write to it and that the disk is not full.</source>
        <translation>샵&#xa0;인박스가 {path}에 있는 데이터를 열거나 저장할 수 없어요. 폴더가 있는지, 쓰기 권한이 있는지, 디스크 공간이 남아 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>The disk is full, so Shop Inbox could not save this. Nothing else was lost: free some space on this computer, then try again.</source>
        <translation>디스크 공간이 가득 차서 샵&#xa0;인박스가 이&#xa0;내용을 저장하지 못했어요. 다른 데이터는 그대로예요. 이&#xa0;컴퓨터의 공간을 비운 뒤 다시 해 보세요.</translation>
    </message>
    <message>
        <source>This version of Shop Inbox needs to update your inbox, and the update needs about {needed} of free space on the disk of your data folder, {folder} (it has {free}). Nothing was changed: free some space on that disk, then start Shop Inbox again.</source>
        <translation>이&#xa0;버전의 샵&#xa0;인박스는 받은편지함을 업데이트해야 하는데, 업데이트하려면 데이터 폴더({folder})가 있는 디스크에 빈 공간이 {needed} 정도 필요해요(지금은 {free} 남아 있어요). 아무것도 바뀌지 않았어요. 그&#xa0;디스크의 공간을 비운 뒤 샵&#xa0;인박스를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>This backup needs about {needed} of free space on the disk of your data folder, {folder} (it has {free}). Nothing was changed: free some space on that disk, then restore it again.</source>
        <translation>이&#xa0;백업을 복원하려면 데이터 폴더({folder})가 있는 디스크에 빈 공간이 {needed} 정도 필요해요(지금은 {free} 남아 있어요). 아무것도 바뀌지 않았어요. 그&#xa0;디스크의 공간을 비운 뒤 다시 복원하세요.</translation>
    </message>
    <message>
        <source>This version of Shop Inbox needs to update your inbox, and the update needs about {needed} of free space for its temporary files in {folder} (it has {free}). Nothing was changed: free some space on that disk, then start Shop Inbox again.</source>
        <translation>이&#xa0;버전의 샵&#xa0;인박스는 받은편지함을 업데이트해야 하는데, 업데이트하는 동안 쓰는 임시 파일을 위해 {folder}에 빈 공간이 {needed} 정도 필요해요(지금은 {free} 남아 있어요). 아무것도 바뀌지 않았어요. 그&#xa0;디스크의 공간을 비운 뒤 샵&#xa0;인박스를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>The disk of your data folder, {path}, became full, so your inbox could not be updated. Nothing was lost: the inbox is as it was. Free some space on that disk, then start Shop Inbox again.</source>
        <translation>데이터 폴더({path})가 있는 디스크가 가득 차서 받은편지함을 업데이트하지 못했어요. 잃어버린 것은 없어요. 받은편지함은 그대로예요. 그&#xa0;디스크의 공간을 비운 뒤 샵&#xa0;인박스를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>The disk of your data folder, {path}, is full, so Shop Inbox could not set up your inbox there. Nothing was set up yet, so nothing was lost: free some space on that disk, then start Shop Inbox again.</source>
        <translation>데이터 폴더({path})가 있는 디스크가 가득 차서 받은편지함을 만들지 못했어요. 아직 아무것도 설정되지 않아서 잃어버린 것은 없어요. 그&#xa0;디스크의 공간을 비운 뒤 샵&#xa0;인박스를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>The disk that holds {path} is full, so the demo shop could not open. Your own inbox was not touched: free some space on that disk, then try the demo again.</source>
        <translation>{path} 폴더가 있는 디스크가 가득 차서 데모 상점을 열 수 없어요. 내&#xa0;받은편지함은 그대로예요. 그&#xa0;디스크의 공간을 비운 뒤 데모를 다시 열어 주세요.</translation>
    </message>
    <message>
        <source>Shop Inbox may not write in {path} (a read-only folder, or a USB stick locked against writing), so the demo shop could not open there. Your own inbox was not touched: start the demo with a folder you may write in, or without --data-dir.</source>
        <translation>샵&#xa0;인박스가 {path}에 쓸 수 없어서(읽기 전용 폴더이거나 쓰기 잠금이 걸린 USB 메모리) 데모 상점을 열 수 없어요. 내&#xa0;받은편지함은 그대로예요. 쓸 수 있는 폴더를 지정하거나 --data-dir 없이 데모를 시작하세요.</translation>
    </message>
    <message>
        <source>The demo shop&apos;s inbox file in {path} is damaged, so the demo could not open. It holds only the demo&apos;s made-up chats: your own inbox was not touched. Start the demo afresh to get a new demo shop; the damaged file is kept aside, not deleted.</source>
        <translation>{path} 폴더에 있는 데모 상점의 받은편지함 파일이 손상되어 데모를 열 수 없어요. 이&#xa0;파일에는 데모용 가상 채팅만 있어서 내&#xa0;받은편지함은 그대로예요. 데모를 새로 시작하면 새&#xa0;데모 상점이 만들어져요. 손상된 파일은 지우지 않고 따로 보관해요.</translation>
    </message>
    <message>
        <source>The inbox file {path} holds data (in: {tables}) but no version mark, so Shop Inbox did not change it. Move the file to another folder to start with an empty inbox, or restore a backup.</source>
        <translation>받은편지함 파일 {path}에 데이터가 있지만({tables}) 버전 표시가 없어서 샵&#xa0;인박스가 파일을 바꾸지 않았어요. 빈 받은편지함으로 시작하려면 이&#xa0;파일을 다른 폴더로 옮기거나, 백업에서 복원하세요.</translation>
    </message>
    <message>
        <source>Shop Inbox keeps your data in a folder, and {path} is a file, not a folder. Nothing was changed: start Shop Inbox with a folder&apos;s name after --data-dir (a name not yet taken becomes a new folder), or move that file elsewhere.</source>
        <translation>샵&#xa0;인박스는 데이터를 폴더에 보관하는데, {path}은(는) 폴더가 아니라 파일이에요. 아무것도 바꾸지 않았어요. --data-dir 뒤에 폴더 이름을 적어 샵&#xa0;인박스를 시작하거나(아직 없는 이름이면 새&#xa0;폴더를 만들어요), 그&#xa0;파일을 다른 곳으로 옮기세요.</translation>
    </message>
    <message>
        <source>Shop Inbox may not write in your data folder, {path} (a read-only folder, or a USB stick locked against writing), so it cannot open your inbox there. Nothing was changed: allow writing there, or copy the whole folder to this computer&apos;s own disk and start Shop Inbox with the copy.</source>
        <translation>샵&#xa0;인박스가 데이터 폴더 {path}에 쓸 수 없어서(읽기 전용 폴더이거나 쓰기 잠금이 걸린 USB 메모리) 받은편지함을 열 수 없어요. 아무것도 바꾸지 않았어요. 그&#xa0;폴더에 쓸 수 있게 하거나, 폴더 전체를 이&#xa0;컴퓨터의 디스크로 복사한 뒤 그&#xa0;복사본으로 샵&#xa0;인박스를 시작하세요.</translation>
    </message>
    <message>
        <source>Shop Inbox could not update the inbox in {path} and left it as it was. A copy is in the backups folder beside it; please send the log file to whoever helps you with Shop Inbox.</source>
        <translation>샵&#xa0;인박스가 {path}의 받은편지함을 업데이트하지 못해서 그대로 두었어요. 같은 폴더의 backups 폴더에 사본이 있어요. 샵&#xa0;인박스를 도와주는 분께 로그 파일을 보내 주세요.</translation>
    </message>
    <message>
        <source>Cannot reach your relay. Check the internet connection and the relay address.</source>
        <translation>릴레이에 연결할 수 없어요. 인터넷 연결과 릴레이 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The network this computer is on wants you to sign in (a hotspot&apos;s or café&apos;s login page) before it lets Shop Inbox reach your relay. Open a web browser and sign in.</source>
        <translation>이&#xa0;컴퓨터가 연결된 네트워크가 로그인을 요구하고 있어서(핫스팟이나 카페의 로그인 페이지) 샵&#xa0;인박스가 릴레이에 연결할 수 없어요. 웹 브라우저를 열어 로그인해 주세요.</translation>
    </message>
    <message>
        <source>Your relay&apos;s security certificate has expired, so Shop Inbox does not connect to it. Ask whoever looks after your relay to renew it; if this computer&apos;s date is wrong, correct it first.</source>
        <translation>릴레이의 보안 인증서가 만료되어 샵&#xa0;인박스가 릴레이에 연결하지 않아요. 릴레이를 관리하는 분께 인증서 갱신을 부탁하세요. 이&#xa0;컴퓨터의 날짜가 틀렸다면 먼저 날짜를 맞춰 주세요.</translation>
    </message>
    <message>
        <source>The security certificate that answers at your relay&apos;s address is not valid for it, so Shop Inbox does not connect. On a hotspot or café Wi-Fi, sign in to the network in a web browser first; otherwise check the relay address in Settings.</source>
        <translation>릴레이 주소에서 응답한 보안 인증서가 그&#xa0;주소에 맞지 않아서 샵&#xa0;인박스가 연결하지 않아요. 핫스팟이나 카페 와이파이라면 먼저 웹 브라우저에서 네트워크에 로그인해 주세요. 그렇지 않다면 설정에서 릴레이 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>Your relay&apos;s security certificate comes from an authority this computer does not trust, so Shop Inbox does not connect. On a hotspot or café Wi-Fi, sign in to the network in a web browser first. If your relay uses your company&apos;s own certificate authority, ask whoever looks after this computer to install it.</source>
        <translation>릴레이의 보안 인증서는 이&#xa0;컴퓨터가 신뢰하지 않는 기관에서 발급한 것이라 샵&#xa0;인박스가 연결하지 않아요. 핫스팟이나 카페 와이파이라면 먼저 웹 브라우저에서 네트워크에 로그인해 주세요. 릴레이가 회사 자체 인증 기관의 인증서를 쓴다면 이&#xa0;컴퓨터를 관리하는 분께 그&#xa0;인증 기관을 설치해 달라고 부탁하세요.</translation>
    </message>
    <message>
        <source>The web proxy this computer is set to use refused to connect Shop Inbox to your relay. Ask whoever looks after this computer&apos;s network to allow your relay&apos;s address.</source>
        <translation>이&#xa0;컴퓨터에 설정된 웹 프록시가 샵&#xa0;인박스의 릴레이 연결을 거부했어요. 이&#xa0;컴퓨터의 네트워크를 관리하는 분께 릴레이 주소를 허용해 달라고 부탁하세요.</translation>
    </message>
    <message>
        <source>Your relay did not answer in time. Try again in a moment.</source>
        <translation>릴레이가 제때 응답하지 않았어요. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Your relay is busy right now. Shop Inbox tries again by itself.</source>
        <translation>지금 릴레이가 바빠요. 샵&#xa0;인박스가 자동으로 다시 시도해요.</translation>
    </message>
    <message>
        <source>Your relay cannot use its database right now. Ask whoever looks after your relay to look at its log; Shop Inbox tries again by itself.</source>
        <translation>지금 릴레이가 데이터베이스를 쓸 수 없어요. 릴레이를 관리하는 분께 릴레이 로그를 확인해 달라고 부탁하세요. 샵&#xa0;인박스가 자동으로 다시 시도해요.</translation>
    </message>
    <message>
        <source>Your relay refused the request.</source>
        <translation>릴레이가 요청을 거부했어요.</translation>
    </message>
    <message>
        <source>Some older messages were no longer kept by the relay and could not be loaded.</source>
        <translation>릴레이에 더 이상 보관되지 않은 오래된 메시지가 있어 불러오지 못했어요.</translation>
    </message>
    <message>
        <source>These settings were changed on another computer meanwhile. Choose which to keep.</source>
        <translation>그&#xa0;사이에 다른 컴퓨터에서 이&#xa0;설정이 바뀌었어요. 어느 쪽을 남길지 고르세요.</translation>
    </message>
    <message>
        <source>The file arrived damaged. It will be downloaded again.</source>
        <translation>파일이 손상된 채로 도착했어요. 다시 다운로드할게요.</translation>
    </message>
    <message>
        <source>This file is not available from your relay.</source>
        <translation>이&#xa0;파일은 릴레이에서 받을 수 없어요.</translation>
    </message>
    <message>
        <source>This file has not been downloaded yet. It will be when you are online.</source>
        <translation>이&#xa0;파일은 아직 다운로드되지 않았어요. 온라인이 되면 다운로드돼요.</translation>
    </message>
    <message>
        <source>WhatsApp did not accept this message.</source>
        <translation>WhatsApp이 이&#xa0;메시지를 받아들이지 않았어요.</translation>
    </message>
    <message>
        <source>There is nothing to send.</source>
        <translation>보낼 내용이 없어요.</translation>
    </message>
    <message>
        <source>A WhatsApp message can have at most {limit} characters.</source>
        <translation>WhatsApp 메시지는 최대 {limit}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>A caption can have at most {limit} characters.</source>
        <translation>설명은 최대 {limit}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read.</source>
        <translation>파일 {name}을(를) 읽을 수 없어요.</translation>
    </message>
    <message>
        <source>The file {name} is no longer there.</source>
        <translation>파일 {name}이(가) 더 이상 없어요.</translation>
    </message>
    <message>
        <source>WhatsApp takes documents as PDF, Word, Excel, PowerPoint or text files: {name} was not attached. Save it as PDF and attach that.</source>
        <translation>WhatsApp은 문서를 PDF, Word, Excel, PowerPoint, 텍스트 파일로만 받아요. {name} 파일은 첨부하지 않았어요. PDF로 저장해서 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>WhatsApp takes videos up to {limit_mb} MB: {name} was not attached. Send a shorter video, or share it by a link.</source>
        <translation>WhatsApp은 동영상을 {limit_mb}MB까지만 받아요. {name} 파일은 첨부하지 않았어요. 더 짧은 동영상을 보내거나 링크로 공유해 주세요.</translation>
    </message>
    <message>
        <source>This conversation no longer exists.</source>
        <translation>이&#xa0;대화는 더 이상 없어요.</translation>
    </message>
    <message>
        <source>“{name}” is an archived group chat: messages cannot be sent to it.</source>
        <translation>“{name}”은(는) 보관된 그룹 채팅이라 메시지를 보낼 수 없어요.</translation>
    </message>
    <message>
        <source>{name} has no phone number in this inbox: add it before sending.</source>
        <translation>{name}님의 전화번호가 없어요. 보내기 전에 전화번호를 추가해 주세요.</translation>
    </message>
    <message>
        <source>WhatsApp did not confirm this message; it may have been delivered. Check with the customer before sending it again.</source>
        <translation>WhatsApp이 이&#xa0;메시지를 확인해 주지 않았어요. 전달되었을 수도 있어요. 다시 보내기 전에 고객에게 확인하세요.</translation>
    </message>
    <message>
        <source>This backup is damaged and cannot be restored.</source>
        <translation>이&#xa0;백업은 손상되어 복원할 수 없어요.</translation>
    </message>
    <message>
        <source>The backup folder {path} cannot be found: is the USB stick or drive plugged in? Shop Inbox tries again every hour.</source>
        <translation>백업 폴더 {path}을(를) 찾을 수 없어요. USB 메모리나 외장 디스크가 꽂혀 있나요? 샵&#xa0;인박스가 한&#xa0;시간마다 다시 시도해요.</translation>
    </message>
    <message>
        <source>Notes can have at most {limit} characters.</source>
        <translation>메모는 최대 {limit}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>Enter the shop&apos;s WhatsApp number with its country code, e.g. +82 10 1234 5678.</source>
        <translation>가게의 WhatsApp 번호를 국가 번호와 함께 입력하세요 (예: +82 10 1234 5678).</translation>
    </message>
    <message>
        <source>That is not a phone number WhatsApp can reach. Check it and try again.</source>
        <translation>WhatsApp으로 보낼 수 있는 전화번호가 아니에요. 확인하고 다시 입력해 주세요.</translation>
    </message>
    <message>
        <source>This number already belongs to the chat with {name}.</source>
        <translation>이&#xa0;번호는 이미 {name}님과의 채팅에 있어요.</translation>
    </message>
    <message>
        <source>Choose at least one item.</source>
        <translation>상품을 하나 이상 고르세요.</translation>
    </message>
    <message>
        <source>One message can hold at most {limit} items.</source>
        <translation>메시지 하나에는 상품을 최대 {limit}개까지 담을 수 있어요.</translation>
    </message>
    <message>
        <source>“{name}” is hidden, so it cannot be sent. Show it in the catalogue first.</source>
        <translation>“{name}” 상품은 숨겨져 있어서 보낼 수 없어요. 먼저 카탈로그에서 보이게 하세요.</translation>
    </message>
    <message>
        <source>“{name}” is sold out, so it is not offered. Add stock in the catalogue, or put the customer on its restock waitlist.</source>
        <translation>“{name}” 상품은 품절이라 보낼 수 없어요. 카탈로그에서 재고를 추가하거나, 고객을 재입고 알림 대기 명단에 올려 주세요.</translation>
    </message>
    <message>
        <source>This item no longer exists.</source>
        <translation>이&#xa0;상품은 더 이상 없어요.</translation>
    </message>
    <message>
        <source>Give the collection a name.</source>
        <translation>컬렉션 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>A collection name can have at most {limit} characters.</source>
        <translation>컬렉션 이름은 최대 {limit}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>There is already a collection called “{name}”.</source>
        <translation>“{name}” 컬렉션이 이미 있어요.</translation>
    </message>
    <message>
        <source>This collection no longer exists.</source>
        <translation>이&#xa0;컬렉션은 더 이상 없어요.</translation>
    </message>
    <message>
        <source>Give the item a name.</source>
        <translation>상품명을 입력하세요.</translation>
    </message>
    <message>
        <source>The item name can have at most {limit} characters.</source>
        <translation>상품명은 최대 {limit}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>The item code can have at most {limit} characters.</source>
        <translation>상품 코드는 최대 {limit}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>The item code “{value}” cannot contain spaces or commas.</source>
        <translation>상품 코드 “{value}”에는 공백이나 쉼표를 쓸 수 없어요.</translation>
    </message>
    <message>
        <source>This item code is already used by “{name}”.</source>
        <translation>이&#xa0;상품 코드는 이미 “{name}” 상품이 쓰고 있어요.</translation>
    </message>
    <message>
        <source>The description can have at most {limit} characters.</source>
        <translation>설명은 최대 {limit}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>The link “{value}” is not a web address starting with https://</source>
        <translation>링크 “{value}”은(는) https://로 시작하는 웹 주소가 아니에요.</translation>
    </message>
    <message>
        <source>The price must be zero or more.</source>
        <translation>가격은 0 이상이어야 해요.</translation>
    </message>
    <message>
        <source>An item can have at most {limit} pictures.</source>
        <translation>상품 하나에는 사진을 최대 {limit}장까지 넣을 수 있어요.</translation>
    </message>
    <message>
        <source>This file&apos;s name points outside Shop Inbox&apos;s media folder, so it was not saved.</source>
        <translation>이&#xa0;파일 이름이 샵&#xa0;인박스 미디어 폴더 바깥을 가리켜서 저장하지 않았어요.</translation>
    </message>
    <message>
        <source>This computer has no password store (keyring) that Shop Inbox can use. You can keep the relay token in Shop Inbox&apos;s settings file instead; only your user account can read it.</source>
        <translation>이&#xa0;컴퓨터에는 샵&#xa0;인박스가 쓸 수 있는 비밀번호 저장소(키링)가 없어요. 대신 릴레이 토큰을 샵&#xa0;인박스 설정 파일에 보관할 수 있어요. 이&#xa0;파일은 내&#xa0;사용자 계정만 읽을 수 있어요.</translation>
    </message>
    <message>
        <source>This computer&apos;s password store (keyring) is locked, so Shop Inbox cannot read the relay token. Unlock it and try once more.</source>
        <translation>이&#xa0;컴퓨터의 비밀번호 저장소(키링)가 잠겨 있어서 샵&#xa0;인박스가 릴레이 토큰을 읽을 수 없어요. 잠금을 푼 다음 다시 시도하세요.</translation>
    </message>
    <message>
        <source>An order needs at least one item.</source>
        <translation>주문에는 상품이 하나 이상 있어야 해요.</translation>
    </message>
    <message>
        <source>An order can have at most {limit} lines. Nothing was saved.</source>
        <translation>주문 한&#xa0;건에는 상품을 최대 {limit}개까지 담을 수 있어요. 아무것도 저장하지 않았어요.</translation>
    </message>
    <message>
        <source>Line {line}: “{value}” is not a quantity. Use a whole number of 1 or more.</source>
        <translation>{line}번째 줄: “{value}”은(는) 수량이 아니에요. 1 이상의 정수를 입력하세요.</translation>
    </message>
    <message>
        <source>Line {line}: “{value}” is not a price in {currency}. Nothing was saved.</source>
        <translation>{line}번째 줄: “{value}”은(는) {currency} 가격이 아니에요. 아무것도 저장하지 않았어요.</translation>
    </message>
    <message>
        <source>All items of an order must be in the same currency.</source>
        <translation>한&#xa0;주문의 상품은 모두 같은 통화여야 해요.</translation>
    </message>
    <message>
        <source>“{name}” is priced in {currency}, but this order&apos;s items are in {order_currency}: all items of an order must be in the same currency.</source>
        <translation>“{name}”은(는) {currency} 가격이고, 이&#xa0;주문의 상품은 {order_currency} 가격이에요. 한&#xa0;주문의 상품은 모두 같은 통화여야 해요.</translation>
    </message>
    <message>
        <source>The {field} “{value}” cannot be used. Use an amount of 0 or more.</source>
        <translation>{field} “{value}”은(는) 사용할 수 없어요. 0 이상의 금액을 입력하세요.</translation>
    </message>
    <message>
        <source>The discount {discount} is more than the order&apos;s total of {before}.</source>
        <translation>할인 {discount}이(가) 주문 합계 {before}보다 커요.</translation>
    </message>
    <message>
        <source>{discount} of this order was paid on the customer&apos;s earlier order, so its total cannot go below that ({before} now). Refund the difference with a return instead.</source>
        <translation>원래 주문에서 옮긴 결제 {discount}보다 합계를 낮출 수 없어요 (지금 {before}). 차액은 반품으로 환불하세요.</translation>
    </message>
    <message>
        <source>Order {number} cannot move from “{from_state}” to “{to_state}”.</source>
        <translation>주문 {number}은(는) “{from_state}”에서 “{to_state}”(으)로 옮길 수 없어요.</translation>
    </message>
    <message>
        <source>Only {available} of “{name}” left in stock; this order needs {wanted}.</source>
        <translation>“{name}” 재고가 {available}개만 남았어요. 이&#xa0;주문에는 {wanted}개가 필요해요.</translation>
    </message>
    <message>
        <source>This order no longer exists.</source>
        <translation>이&#xa0;주문은 더 이상 없어요.</translation>
    </message>
    <message>
        <source>“{value}” is not a postcode: a Korean postcode (우편번호) has 5 digits.</source>
        <translation>“{value}”은(는) 우편번호가 아니에요. 우편번호는 숫자 5자리예요.</translation>
    </message>
    <message>
        <source>“{value}” cannot take a cash receipt (현금영수증): use a phone number or a 10-digit business number.</source>
        <translation>“{value}”(으)로는 현금영수증을 발급할 수 없어요. 휴대폰 번호나 사업자등록번호 10자리를 입력하세요.</translation>
    </message>
    <message>
        <source>The options of an order that was shipped, done or cancelled cannot be changed.</source>
        <translation>배송 중이거나 완료 또는 취소된 주문은 옵션을 바꿀 수 없어요.</translation>
    </message>
    <message>
        <source>“{name}” holds stock counted for its option, so the option cannot change here. Cancel the order and make a new one with the right option.</source>
        <translation>“{name}”은(는) 이&#xa0;옵션의 재고를 잡고 있어서 여기서 옵션을 바꿀 수 없어요. 주문을 취소하고 맞는 옵션으로 새&#xa0;주문을 만들어 주세요.</translation>
    </message>
    <message>
        <source>Order {number} is “{state}”: its items and amounts no longer change, as the customer paid the amount it shows. Agree any difference with them and write it in the order&apos;s note.</source>
        <translation>주문 {number}은(는) “{state}” 상태라 상품과 금액을 더 바꿀 수 없어요. 고객이 이&#xa0;금액으로 결제했어요. 차액은 고객과 따로 정하고 주문 메모에 적어 두세요.</translation>
    </message>
    <message>
        <source>Order {number} is “{state}”: a return or exchange is recorded once the order has shipped.</source>
        <translation>주문 {number}은(는) ‘{state}’ 상태예요. 반품이나 교환은 발송한 주문에만 기록할 수 있어요.</translation>
    </message>
    <message>
        <source>Order {number} is “{state}” and has no earlier step to go back to.</source>
        <translation>주문 {number}은(는) “{state}” 상태이고, 되돌아갈 이전 단계가 없어요.</translation>
    </message>
    <message>
        <source>Order {number} has moved since (it is “{state}” now), so nothing was undone.</source>
        <translation>주문 {number}은(는) 그사이 다른 단계로 옮겨져서(지금 “{state}”) 되돌리지 않았어요.</translation>
    </message>
    <message>
        <source>A return or exchange is recorded on order {number} since it became “{state}”, so it stays as it is.</source>
        <translation>주문 {number}은(는) “{state}”(으)로 옮긴 뒤 반품·교환이 기록되어서 그대로 둬요.</translation>
    </message>
    <message>
        <source>The payment deadline cancelled order {number}, so it is not moved back. If the customer paid after all, Match bank deposits… restores it as paid.</source>
        <translation>주문 {number}은(는) 입금기한이 지나 취소되어서 되돌리지 않아요. 고객이 나중에 입금했다면 입금 확인…에서 결제 완료로 되살릴 수 있어요.</translation>
    </message>
    <message>
        <source>Order {number} has been “{state}” for more than {days} days, so it stays as it is. Record a return or make a new order instead.</source>
        <translation>주문 {number}은(는) “{state}” 상태로 {days}일이 넘게 지나서 그대로 둬요. 대신 반품을 기록하거나 새&#xa0;주문을 만들어 주세요.</translation>
    </message>
    <message>
        <source>Order {number} was completed more than {days} days ago, so a return or exchange can no longer be recorded on it. Make a new order for an exchange.</source>
        <translation>주문 {number}은(는) 완료된 지 {days}일이 넘어서 반품이나 교환을 더 기록할 수 없어요. 교환은 새&#xa0;주문으로 만들어 주세요.</translation>
    </message>
    <message>
        <source>Line {line}: {value} cannot come back. Choose at least one item, and no more than the customer has not returned yet.</source>
        <translation>{line}번째 줄: {value}개는 반품할 수 없어요. 한&#xa0;개 이상, 아직 반품하지 않은 수량까지만 고를 수 있어요.</translation>
    </message>
    <message>
        <source>The refund {refund} is more than the customer paid and has not had back ({most}).</source>
        <translation>환불 금액 {refund}이(가) 고객이 결제하고 아직 돌려받지 않은 금액({most})보다 많아요.</translation>
    </message>
    <message>
        <source>No returned goods of this order are still on their way back.</source>
        <translation>이&#xa0;주문에서 아직 돌아오는 중인 반품 상품이 없어요.</translation>
    </message>
    <message>
        <source>Enter a price.</source>
        <translation>가격을 입력하세요.</translation>
    </message>
    <message>
        <source>“{value}” is not a price: use digits, e.g. 15000 or 12.50.</source>
        <translation>“{value}”은(는) 가격이 아니에요. 15000이나 12.50처럼 숫자로 쓰세요.</translation>
    </message>
    <message>
        <source>{currency} has no smaller unit: write “{value}” as a whole amount.</source>
        <translation>{currency}에는 더 작은 단위가 없어요. “{value}”을(를) 소수점 없는 금액으로 쓰세요.</translation>
    </message>
    <message>
        <source>{currency} prices have at most {digits} digits after the point, not “{value}”.</source>
        <translation>{currency} 가격은 소수점 아래 {digits}자리까지만 쓸 수 있어요 (입력: “{value}”).</translation>
    </message>
    <message>
        <source>The price is too large.</source>
        <translation>가격이 너무 커요.</translation>
    </message>
    <message>
        <source>“{value}” has no currency: write it like “15000 KRW”.</source>
        <translation>“{value}”에 통화가 없어요. “15000 KRW”처럼 쓰세요.</translation>
    </message>
    <message>
        <source>“{value}” is not a price like “15000 KRW”.</source>
        <translation>“{value}”은(는) “15000 KRW” 같은 가격 형식이 아니에요.</translation>
    </message>
    <message>
        <source>“{value}” is not a currency code such as KRW or USD.</source>
        <translation>“{value}”은(는) KRW나 USD 같은 통화 코드가 아니에요.</translation>
    </message>
    <message>
        <source>This file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)”.</source>
        <translation>이&#xa0;파일은 UTF-8 텍스트가 아니에요. 엑셀에서 “CSV UTF-8(쉼표로 분리)” 형식으로 저장하세요.</translation>
    </message>
    <message>
        <source>This file is too large for a catalogue (over {limit} MB).</source>
        <translation>카탈로그 파일로는 너무 커요 ({limit}MB 초과).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>파일이 비어 있어요.</translation>
    </message>
    <message>
        <source>This Excel file could not be read (damaged, or the old .xls kind). In Excel, save it as “Excel Workbook (.xlsx)” or “CSV UTF-8 (Comma delimited)”.</source>
        <translation>이&#xa0;엑셀 파일을 읽지 못했어요 (파일이 손상됐거나 예전 .xls 형식이에요). 엑셀에서 “Excel 통합 문서(.xlsx)” 또는 “CSV UTF-8(쉼표로 분리)” 형식으로 저장하세요.</translation>
    </message>
    <message>
        <source>No row of the sheet names all the columns it needs; missing: {missing}. Columns it can read: {expected}.</source>
        <translation>필요한 열 이름이 모두 적힌 줄이 없어요. 빠진 열: {missing}. 읽을 수 있는 열: {expected}.</translation>
    </message>
    <message>
        <source>This file is not a JPEG, PNG, WebP or GIF picture.</source>
        <translation>이&#xa0;파일은 JPEG, PNG, WebP, GIF 사진이 아니에요.</translation>
    </message>
    <message>
        <source>The picture is larger than {limit} MB.</source>
        <translation>사진이 {limit}MB보다 커요.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name}이(가) 비어 있어요.</translation>
    </message>
    <message>
        <source>{name} is not a text file, so it cannot be a WhatsApp chat export.</source>
        <translation>{name}은(는) 텍스트 파일이 아니라서 WhatsApp 채팅 내보내기 파일일 수 없어요.</translation>
    </message>
    <message>
        <source>{name} holds no chat text (.txt), so it is not a WhatsApp chat export.</source>
        <translation>{name}에 채팅 텍스트(.txt)가 없어서 WhatsApp 채팅 내보내기 파일이 아니에요.</translation>
    </message>
    <message>
        <source>{name} is damaged. Export the chat from the phone again.</source>
        <translation>{name}이(가) 손상되었어요. 휴대폰에서 채팅을 다시 내보내세요.</translation>
    </message>
    <message>
        <source>{name} has no WhatsApp chat lines (a date, a time and a name at the start of a line).</source>
        <translation>{name}에 WhatsApp 채팅 줄(줄 앞에 날짜, 시간, 이름이 있는 줄)이 없어요.</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was added.</source>
        <translation>가져오기를 취소했어요. 추가된 것은 없어요.</translation>
    </message>
    <message>
        <source>The export was cancelled. No file was saved.</source>
        <translation>내보내기를 취소했어요. 파일은 저장되지 않았어요.</translation>
    </message>
    <message>
        <source>The contact chosen for this chat no longer exists. Choose again.</source>
        <translation>이&#xa0;채팅에 고른 연락처가 더 이상 없어요. 다시 고르세요.</translation>
    </message>
    <message>
        <source>“{name}” is not a participant of this chat.</source>
        <translation>“{name}”은(는) 이&#xa0;채팅의 참여자가 아니에요.</translation>
    </message>
    <message>
        <source>“{value}” is not a time zone Shop Inbox knows. Choose one from the list.</source>
        <translation>“{value}”은(는) 샵&#xa0;인박스가 아는 시간대가 아니에요. 목록에서 고르세요.</translation>
    </message>
    <message>
        <source>A label needs a name.</source>
        <translation>라벨 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>A label name can have at most {limit} characters.</source>
        <translation>라벨 이름은 최대 {limit}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>There is already a label called “{name}”.</source>
        <translation>“{name}” 라벨이 이미 있어요.</translation>
    </message>
    <message>
        <source>“{value}” is not a colour like #25D366.</source>
        <translation>“{value}”은(는) #25D366 같은 색상이 아니에요.</translation>
    </message>
    <message>
        <source>This label was deleted meanwhile.</source>
        <translation>이&#xa0;라벨은 그사이 삭제되었어요.</translation>
    </message>
    <message>
        <source>A quick reply needs a shortcut, like /thanks.</source>
        <translation>빠른 답장에는 /감사 같은 단축어가 필요해요.</translation>
    </message>
    <message>
        <source>A shortcut starts with /, like /thanks.</source>
        <translation>단축어는 /감사처럼 /로 시작해야 해요.</translation>
    </message>
    <message>
        <source>A shortcut cannot contain spaces.</source>
        <translation>단축어에는 공백을 넣을 수 없어요.</translation>
    </message>
    <message>
        <source>A shortcut can have at most {limit} characters.</source>
        <translation>단축어는 최대 {limit}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>The shortcut {name} is already used by another quick reply.</source>
        <translation>단축어 {name}은(는) 이미 다른 빠른 답장에서 쓰고 있어요.</translation>
    </message>
    <message>
        <source>A quick reply needs some text.</source>
        <translation>빠른 답장 내용을 입력하세요.</translation>
    </message>
    <message>
        <source>A quick reply can have at most {limit} characters.</source>
        <translation>빠른 답장은 최대 {limit}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>This quick reply was deleted meanwhile.</source>
        <translation>이&#xa0;빠른 답장은 그사이 삭제되었어요.</translation>
    </message>
    <message>
        <source>The file {name} of the quick reply {shortcut} was moved or deleted, so it was not attached. Choose the file again in Quick replies.</source>
        <translation>빠른 답장 {shortcut}에 붙인 “{name}” 파일이 옮겨졌거나 지워져서 첨부하지 못했어요. 빠른 답장에서 파일을 다시 선택해 주세요.</translation>
    </message>
    <message>
        <source>This file is not a quick replies file. Choose a .zip file made with Export… in the Quick replies window. Nothing was imported.</source>
        <translation>빠른 답장 파일이 아니에요. 빠른 답장 창의 내보내기…로 만든 .zip 파일을 선택하세요. 아무것도 가져오지 않았어요.</translation>
    </message>
    <message>
        <source>These quick replies were exported by a newer version of Shop Inbox (file version {found}; this version reads up to {supported}). Update Shop Inbox on this computer, then import them again. Nothing was imported.</source>
        <translation>더 새로운 버전의 샵&#xa0;인박스에서 내보낸 빠른 답장이에요(파일 버전 {found}, 이&#xa0;버전은 {supported}까지 읽을 수 있어요). 이&#xa0;컴퓨터의 샵&#xa0;인박스를 업데이트한 다음 다시 가져오세요. 아무것도 가져오지 않았어요.</translation>
    </message>
    <message>
        <source>This quick replies file is damaged and cannot be read. Export the quick replies again on the other computer. Nothing was imported.</source>
        <translation>빠른 답장 파일이 손상되어 읽을 수 없어요. 다른 컴퓨터에서 빠른 답장을 다시 내보내세요. 아무것도 가져오지 않았어요.</translation>
    </message>
    <message>
        <source>The files in this quick replies file come to more than {limit} MB once unpacked, far more than quick replies need, so it was not opened. Nothing was imported.</source>
        <translation>이&#xa0;빠른 답장 파일 안의 파일들은 풀면 {limit}MB가 넘어요. 빠른 답장에 필요한 양보다 훨씬 많아서 열지 않았어요. 아무것도 가져오지 않았어요.</translation>
    </message>
    <message>
        <source>This quick reply is damaged in the file and cannot be read.</source>
        <translation>파일 안의 이&#xa0;빠른 답장이 손상되어 읽을 수 없어요.</translation>
    </message>
    <message>
        <source>Its file {name} is damaged or missing in the exported file.</source>
        <translation>첨부한 {name} 파일이 내보낸 파일 안에서 손상되었거나 빠져 있어요.</translation>
    </message>
    <message>
        <source>A campaign needs a name.</source>
        <translation>캠페인 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Choose an approved template for the campaign.</source>
        <translation>캠페인에 쓸 승인된 템플릿을 고르세요.</translation>
    </message>
    <message>
        <source>Nobody in this audience may get the campaign: see who is left out and why.</source>
        <translation>이&#xa0;대상 중 캠페인을 받을 수 있는 사람이 없어요. 제외된 사람과 이유를 확인하세요.</translation>
    </message>
    <message>
        <source>Nothing was sent: who gets the campaign changed after you confirmed it (you confirmed {confirmed_count}; it would reach {current_count} now). Check who gets it and send again.</source>
        <translation>아무에게도 보내지 않았어요: 확인하신 뒤에 캠페인을 받을 고객이 바뀌었어요(확인할 때 {confirmed_count}명, 지금 {current_count}명). 받을 고객을 확인하고 다시 보내세요.</translation>
    </message>
    <message>
        <source>This campaign was already handed to the relay and can no longer be changed.</source>
        <translation>이&#xa0;캠페인은 이미 릴레이로 넘겨져서 더 이상 바꿀 수 없어요.</translation>
    </message>
    <message>
        <source>Your relay refused a webhook whose signature did not match the app secret.</source>
        <translation>서명이 앱 시크릿과 맞지 않아 릴레이가 웹훅을 거부했어요.</translation>
    </message>
    <message>
        <source>WhatsApp does not take files of this type. It takes documents as PDF, Word, Excel, PowerPoint or text files: save it as PDF and attach that.</source>
        <translation>WhatsApp은 이&#xa0;형식의 파일을 받지 않아요. 문서는 PDF, Word, Excel, PowerPoint, 텍스트 파일로만 받으니 PDF로 저장해서 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>Your relay received something it cannot read.</source>
        <translation>릴레이가 읽을 수 없는 내용을 받았어요.</translation>
    </message>
    <message>
        <source>Your relay found this message invalid for WhatsApp.</source>
        <translation>릴레이가 이&#xa0;메시지를 WhatsApp에 보낼 수 없는 형식이라고 판단했어요.</translation>
    </message>
    <message>
        <source>This message is still being sent. Shop Inbox checks again by itself.</source>
        <translation>이&#xa0;메시지는 아직 보내는 중이에요. 샵&#xa0;인박스가 자동으로 다시 확인해요.</translation>
    </message>
    <message>
        <source>WhatsApp is busy right now. Shop Inbox tries again by itself.</source>
        <translation>지금 WhatsApp이 바빠요. 샵&#xa0;인박스가 자동으로 다시 시도해요.</translation>
    </message>
    <message>
        <source>Your relay can&apos;t reach WhatsApp right now. Shop Inbox tries again by itself.</source>
        <translation>지금 릴레이가 WhatsApp에 연결하지 못하고 있어요. 샵&#xa0;인박스가 자동으로 다시 시도해요.</translation>
    </message>
    <message>
        <source>Your relay does not have this anymore.</source>
        <translation>릴레이에 더 이상 남아 있지 않아요.</translation>
    </message>
    <message>
        <source>Too many computers are connected to your relay with this relay token.</source>
        <translation>이&#xa0;릴레이 토큰으로 릴레이에 연결된 컴퓨터가 너무 많아요.</translation>
    </message>
    <message>
        <source>WhatsApp could not take the file of this message. Send it again; if it fails again, WhatsApp does not take this file: save it as JPEG (a photo) or PDF (a document) and attach that.</source>
        <translation>WhatsApp이 이&#xa0;메시지의 파일을 받지 못했어요. 다시 보내 보세요. 다시 실패하면 WhatsApp이 받지 않는 파일이에요. 사진은 JPEG로, 문서는 PDF로 저장해서 첨부하세요.</translation>
    </message>
    <message>
        <source>“{value}” is not a price: use digits, e.g. 15000.</source>
        <translation>“{value}”은(는) 가격이 아니에요. 15000처럼 숫자로 쓰세요.</translation>
    </message>
    <message>
        <source>Order {number} was cancelled: its items no longer change. Make a new order.</source>
        <translation>주문 {number}은(는) 취소되어 상품을 바꿀 수 없어요. 새&#xa0;주문을 만들어 주세요.</translation>
    </message>
    <message>
        <source>surcharge</source>
        <translation>추가 배송비</translation>
    </message>
    <message>
        <source>Shop Inbox may not use “{0}”. Choose another file or folder.</source>
        <translation>샵&#xa0;인박스가 “{0}”에 접근할 권한이 없어요. 다른 파일이나 폴더를 골라 주세요.</translation>
    </message>
    <message>
        <source>Shop Inbox may not use that place. Choose another file or folder.</source>
        <translation>샵&#xa0;인박스가 그곳에 접근할 권한이 없어요. 다른 파일이나 폴더를 골라 주세요.</translation>
    </message>
    <message>
        <source>The file is too large for WhatsApp.</source>
        <translation>파일이 WhatsApp으로 보내기에 너무 커요.</translation>
    </message>
    <message>
        <source>The inbox file {path} is damaged, or is not a Shop Inbox inbox file. Shop Inbox has not changed it: restore your latest backup (the damaged file is kept aside, not deleted).</source>
        <translation>받은편지함 파일 {path}이(가) 손상되었거나 샵&#xa0;인박스 받은편지함 파일이 아니에요. 샵&#xa0;인박스는 이&#xa0;파일을 바꾸지 않았어요. 가장 최근 백업에서 복원하세요. 손상된 파일은 지우지 않고 따로 보관해요.</translation>
    </message>
    <message>
        <source>Your relay at {url} answers plain http://, not https://. Change its address in Settings to {plain_url}</source>
        <translation>{url} 릴레이는 https://가 아니라 일반 http://로 응답해요. 설정에서 주소를 {plain_url}(으)로 바꾸세요.</translation>
    </message>
    <message>
        <source>The relay token was refused. Check it in Settings.</source>
        <translation>릴레이 토큰이 거부됐어요. 설정에서 확인하세요.</translation>
    </message>
    <message>
        <source>The customer has not written in the last 24 hours, so WhatsApp only allows an approved template now.</source>
        <translation>최근 24시간 동안 고객의 메시지가 없어서 지금은 승인된 템플릿만 보낼 수 있어요.</translation>
    </message>
    <message>
        <source>{name} is larger than {limit_mb} MB, the most WhatsApp accepts: it was not attached. Make the file smaller, or share it by a link.</source>
        <translation>WhatsApp은 파일을 {limit_mb}MB까지만 받아요. {name} 파일은 첨부하지 않았어요. 파일 크기를 줄이거나 링크로 공유해 주세요.</translation>
    </message>
    <message>
        <source>This file is not a Shop Inbox backup file. Choose a .zip file made with Settings ▸ Back up now.</source>
        <translation>이&#xa0;파일은 샵&#xa0;인박스 백업 파일이 아니에요. 설정&#xa0;▸&#xa0;지금&#xa0;백업으로 만든 .zip 파일을 골라 주세요.</translation>
    </message>
    <message>
        <source>Another item is already called “{name}” (item code {code}). Change this item&apos;s name, or save it anyway if the two are meant to share it.</source>
        <translation>“{name}”(상품 코드 {code}) 상품이 이미 있어요. 이&#xa0;상품의 이름을 바꾸거나, 같은 이름으로 쓸 거라면 그대로 저장하세요.</translation>
    </message>
    <message>
        <source>This computer&apos;s password store (keyring) did not keep the relay token: it may be locked, or its unlock was cancelled. Unlock it and try once more, or keep the relay token in Shop Inbox&apos;s settings file instead; only your user account can read it.</source>
        <translation>이&#xa0;컴퓨터의 비밀번호 저장소(키링)가 릴레이 토큰을 보관하지 않았어요. 잠겨 있거나 잠금 해제가 취소됐을 수 있어요. 잠금을 해제하고 한&#xa0;번 더 시도하거나, 대신 릴레이 토큰을 샵&#xa0;인박스 설정 파일에 보관할 수 있어요. 이&#xa0;파일은 내&#xa0;사용자 계정만 읽을 수 있어요.</translation>
    </message>
    <message>
        <source>The relay token was not saved.</source>
        <translation>릴레이 토큰을 저장하지 않았어요.</translation>
    </message>
    <message>
        <source>{name} cannot be read. Save the bank&apos;s transactions again as an Excel (.xlsx) or CSV file.</source>
        <translation>{name} 파일을 읽을 수 없어요. 은행 거래내역을 엑셀 파일이나 CSV 파일로 다시 저장해 주세요.</translation>
    </message>
    <message>
        <source>{name} is not a bank transaction list Shop Inbox can read. Download the transactions from your bank as an Excel (.xlsx) or CSV file (with columns such as 입금액 and 입금자명). An old Excel 97 (.xls) file: open it in Excel and save it as .xlsx.</source>
        <translation>{name} 파일은 샵&#xa0;인박스가 읽을 수 있는 은행 거래내역이 아니에요. 은행에서 거래내역을 엑셀 파일이나 CSV 파일(입금액, 입금자명 같은 열이 있는 파일)로 내려받아 주세요. 예전 엑셀 97 형식 파일이라면 엑셀에서 열어 새&#xa0;형식(통합 문서)으로 저장해 주세요.</translation>
    </message>
    <message>
        <source>A contact called “{name}” is already in Shop Inbox, but a name does not say it is the same person. Choose the contact this chat belongs to, or a new contact.</source>
        <translation>샵&#xa0;인박스에 “{name}”이라는 연락처가 이미 있지만, 이름만으로는 같은 사람인지 알 수 없어요. 이&#xa0;채팅이 어느 연락처의 것인지 고르거나 새&#xa0;연락처를 고르세요.</translation>
    </message>
    <message>
        <source>Fill in the blanks {value} of the template first.</source>
        <translation>템플릿의 빈칸({value})을 먼저 채워 주세요.</translation>
    </message>
    <message>
        <source>Your relay could not store this. Shop Inbox tries again by itself.</source>
        <translation>릴레이가 이것을 저장하지 못했어요. 샵&#xa0;인박스가 자동으로 다시 시도해요.</translation>
    </message>
    <message>
        <source>WhatsApp has not handed this file to your relay yet. Try again in a moment.</source>
        <translation>WhatsApp이 아직 이&#xa0;파일을 릴레이에 넘겨주지 않았어요. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Your relay is refusing this network for a few minutes: many wrong relay tokens came from it. Shop Inbox tries again by itself.</source>
        <translation>이&#xa0;네트워크에서 잘못된 릴레이 토큰이 여러 번 들어와서 릴레이가 몇&#xa0;분 동안 연결을 막고 있어요. 샵&#xa0;인박스가 자동으로 다시 시도해요.</translation>
    </message>
    <message>
        <source>Your relay is answering too many requests from this network at once. Shop Inbox tries again by itself.</source>
        <translation>이&#xa0;네트워크에서 한꺼번에 너무 많은 요청이 릴레이로 들어오고 있어요. 샵&#xa0;인박스가 자동으로 다시 시도해요.</translation>
    </message>
    <message>
        <source>The connection to your relay was too slow. Shop Inbox tries again by itself.</source>
        <translation>릴레이 연결이 너무 느렸어요. 샵&#xa0;인박스가 자동으로 다시 시도해요.</translation>
    </message>
    <message>
        <source>The menu bot goes beyond what WhatsApp allows (too many rows, or a title too long). The menu that was running keeps running.</source>
        <translation>메뉴 봇이 WhatsApp에서 허용하는 범위를 넘었어요(항목이 너무 많거나 제목이 너무 길어요). 이전 메뉴가 그대로 작동해요.</translation>
    </message>
    <message>
        <source>Two of your opening hours on one day overlap. Open Business hours, change one of them or make them one, and save again.</source>
        <translation>같은 날 영업시간 두&#xa0;개가 겹쳐요. 영업시간을 열어 하나를 고치거나 하나로 합친 뒤 다시 저장하세요.</translation>
    </message>
    <message>
        <source>Your relay already holds another campaign under this one&apos;s id. Make a new campaign.</source>
        <translation>릴레이에 같은 번호로 등록된 다른 캠페인이 이미 있어요. 새&#xa0;캠페인을 만드세요.</translation>
    </message>
    <message>
        <source>This campaign has already finished or was cancelled: it cannot be paused or resumed.</source>
        <translation>이&#xa0;캠페인은 이미 끝났거나 취소되어 일시 중지하거나 다시 시작할 수 없어요.</translation>
    </message>
    <message>
        <source>Your relay does not send from the number this campaign is set to go from: it is not one of your shop&apos;s WhatsApp numbers there. Choose another number under Send from and send again.</source>
        <translation>이&#xa0;캠페인의 보내는 번호는 릴레이에 연결된 매장 WhatsApp 번호가 아니라서 릴레이가 보낼 수 없어요. ‘보내는 번호’에서 다른 번호를 골라 다시 보내세요.</translation>
    </message>
    <message>
        <source>WhatsApp could not deliver this message. The number may not use WhatsApp, or the customer may need to update the app or accept the latest terms.</source>
        <translation>WhatsApp이 이&#xa0;메시지를 전달하지 못했어요. 이&#xa0;번호가 WhatsApp을 쓰지 않거나, 고객이 앱을 업데이트하거나 최신 약관에 동의해야 할 수 있어요.</translation>
    </message>
    <message>
        <source>WhatsApp did not deliver this marketing message, to keep customers from receiving too many. Try again later or send a different message.</source>
        <translation>고객이 마케팅 메시지를 너무 많이 받지 않도록 WhatsApp이 이&#xa0;메시지를 전달하지 않았어요. 나중에 다시 보내거나 다른 메시지를 보내세요.</translation>
    </message>
    <message>
        <source>The customer has stopped marketing messages from your shop.</source>
        <translation>고객이 우리 가게의 마케팅 메시지 수신을 중단했어요.</translation>
    </message>
    <message>
        <source>WhatsApp held this message back as part of an experiment. Do not resend it.</source>
        <translation>WhatsApp이 실험의 일부로 이&#xa0;메시지를 보류했어요. 다시 보내지 마세요.</translation>
    </message>
    <message>
        <source>WhatsApp does not support this kind of message.</source>
        <translation>WhatsApp이 지원하지 않는 종류의 메시지예요.</translation>
    </message>
    <message>
        <source>WhatsApp could not download the file of this message.</source>
        <translation>WhatsApp이 이&#xa0;메시지의 파일을 내려받지 못했어요.</translation>
    </message>
    <message>
        <source>WhatsApp could not fetch the file in time, so the customer did not get it. Nothing is wrong with the file: send it again.</source>
        <translation>WhatsApp이 파일을 제때 가져오지 못해서 고객에게 전달되지 않았어요. 파일에는 문제가 없으니 다시 보내세요.</translation>
    </message>
    <message>
        <source>WhatsApp does not take a file this large. Attach a smaller one (a photo or video saved smaller, or the document in parts); sending this one again will not help.</source>
        <translation>WhatsApp은 이렇게 큰 파일을 받지 않아요. 더 작은 파일을 첨부하세요. 사진이나 동영상은 더 작게 저장하고, 문서는 나눠서 보내세요. 이&#xa0;파일을 다시 보내도 소용없어요.</translation>
    </message>
    <message>
        <source>WhatsApp does not take this kind of file. Save it as JPEG (a photo), MP4 (a video) or PDF (a document) and attach that; sending this one again will not help.</source>
        <translation>WhatsApp은 이런 종류의 파일을 받지 않아요. 사진은 JPEG로, 동영상은 MP4로, 문서는 PDF로 저장해서 첨부하세요. 이&#xa0;파일을 다시 보내도 소용없어요.</translation>
    </message>
    <message>
        <source>WhatsApp no longer accepts your relay&apos;s Meta access token (it has expired or was revoked), so nothing can be sent until it is renewed. Ask whoever looks after your relay to renew it, then send the message again.</source>
        <translation>WhatsApp이 릴레이의 Meta 액세스 토큰을 더 이상 받지 않아요(만료됐거나 취소됐어요). 토큰을 새로 받기 전에는 아무것도 보낼 수 없어요. 릴레이를 관리하는 분께 토큰을 새로 받아 달라고 부탁한 뒤 메시지를 다시 보내세요.</translation>
    </message>
    <message>
        <source>You cannot send a message to your own number.</source>
        <translation>내&#xa0;번호로는 메시지를 보낼 수 없어요.</translation>
    </message>
    <message>
        <source>Your WhatsApp business account is locked. Check it in Meta Business Manager.</source>
        <translation>WhatsApp 비즈니스 계정이 잠겼어요. Meta 비즈니스 관리자에서 확인하세요.</translation>
    </message>
    <message>
        <source>The template&apos;s fields do not match: fill in every field.</source>
        <translation>템플릿의 항목이 맞지 않아요. 모든 항목을 채우세요.</translation>
    </message>
    <message>
        <source>This template does not exist in that language, or is not approved yet.</source>
        <translation>이&#xa0;템플릿은 해당 언어로 없거나 아직 승인되지 않았어요.</translation>
    </message>
    <message>
        <source>This template was paused for low quality. Choose another one.</source>
        <translation>이&#xa0;템플릿은 품질이 낮아 일시 중지되었어요. 다른 템플릿을 고르세요.</translation>
    </message>
    <message>
        <source>This template was turned off for low quality. Choose another one.</source>
        <translation>이&#xa0;템플릿은 품질이 낮아 사용 중지되었어요. 다른 템플릿을 고르세요.</translation>
    </message>
    <message>
        <source>Your shop&apos;s phone number is not registered with WhatsApp yet.</source>
        <translation>가게 전화번호가 아직 WhatsApp에 등록되지 않았어요.</translation>
    </message>
    <message>
        <source>WhatsApp is sending too fast right now. Shop Inbox tries again by itself.</source>
        <translation>지금 WhatsApp 전송이 너무 빨라요. 샵&#xa0;인박스가 자동으로 다시 시도해요.</translation>
    </message>
    <message>
        <source>Too many messages to this customer in a short time. Wait a moment.</source>
        <translation>짧은 시간에 이&#xa0;고객에게 메시지를 너무 많이 보냈어요. 잠시 기다리세요.</translation>
    </message>
    <message>
        <source>WhatsApp takes photos as JPEG or PNG: {name} was not attached. Save it as JPEG and attach that.</source>
        <translation>WhatsApp은 사진을 JPEG나 PNG로만 받아요. {name} 파일은 첨부하지 않았어요. JPEG로 저장해서 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>WhatsApp takes videos as MP4 or 3GP: {name} was not attached. Save it as MP4 and attach that.</source>
        <translation>WhatsApp은 동영상을 MP4나 3GP로만 받아요. {name} 파일은 첨부하지 않았어요. MP4로 저장해서 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>WhatsApp takes sound files as MP3, M4A, AAC, AMR or OGG (Opus): {name} was not attached. Save it as MP3 and attach that.</source>
        <translation>WhatsApp은 음성 파일을 MP3, M4A, AAC, AMR, OGG(Opus)로만 받아요. {name} 파일은 첨부하지 않았어요. MP3로 저장해서 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>WhatsApp takes documents as PDF, Word, Excel, PowerPoint or text files: {name} was not attached. Save it as an Excel file (.xlsx) and attach that.</source>
        <translation>WhatsApp은 문서를 PDF, Word, Excel, PowerPoint, 텍스트 파일로만 받아요. {name} 파일은 첨부하지 않았어요. 엑셀 파일(.xlsx)로 저장해서 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>WhatsApp takes no compressed files: {name} was not attached. Unzip it and attach the files inside (photos, PDFs).</source>
        <translation>WhatsApp은 압축 파일을 받지 않아요. {name} 파일은 첨부하지 않았어요. 압축을 풀어서 안에 있는 파일(사진, PDF)을 첨부하세요.</translation>
    </message>
    <message>
        <source>WhatsApp takes sound files up to {limit_mb} MB: {name} was not attached. Send a shorter recording, or share it by a link.</source>
        <translation>WhatsApp은 음성 파일을 {limit_mb}MB까지만 받아요. {name} 파일은 첨부하지 않았어요. 더 짧게 녹음해서 보내거나 링크로 공유해 주세요.</translation>
    </message>
    <message>
        <source>WhatsApp takes photos up to {limit_mb} MB: {name} was not attached. Save it smaller as JPEG and attach that.</source>
        <translation>WhatsApp은 사진을 {limit_mb}MB까지만 받아요. {name} 파일은 첨부하지 않았어요. JPEG로 더 작게 저장해서 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>shipping fee</source>
        <translation>배송비</translation>
    </message>
    <message>
        <source>total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>할인</translation>
    </message>
    <message>
        <source>The daily backup folder {path} is not on this computer; it may be your old computer&apos;s. Choose a folder on this computer in Settings ▸ Your data.</source>
        <translation>매일 백업 폴더 {path}이(가) 이&#xa0;컴퓨터에 없어요. 이전 컴퓨터의 폴더일 수 있어요. 설정&#xa0;▸&#xa0;내&#xa0;데이터에서 이&#xa0;컴퓨터의 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Your relay can&apos;t reach WhatsApp right now, so this file can&apos;t be downloaded yet. Try again in a moment.</source>
        <translation>지금 릴레이가 WhatsApp에 연결하지 못하고 있어서 이&#xa0;파일을 아직 받을 수 없어요. 잠시 후 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>WhatsApp no longer has this file, so it can&apos;t be downloaded. Ask the customer to send it again.</source>
        <translation>WhatsApp에 이&#xa0;파일이 더 이상 없어서 받을 수 없어요. 고객에게 다시 보내 달라고 해 주세요.</translation>
    </message>
    <message>
        <source>Your relay could not keep this file: the disk on the relay&apos;s server may be full. Free some space there, then open the file again.</source>
        <translation>릴레이가 이&#xa0;파일을 보관하지 못했어요. 릴레이 서버의 디스크가 가득 찼을 수 있어요. 서버에서 공간을 비운 뒤 파일을 다시 열어 주세요.</translation>
    </message>
    <message>
        <source>The disk on your relay&apos;s server is full, so your relay could not keep this file. Free some space there (or ask whoever looks after your relay to), then open the file again.</source>
        <translation>릴레이 서버의 디스크가 가득 차서 릴레이가 이&#xa0;파일을 보관하지 못했어요. 서버에서 공간을 비운 뒤(또는 릴레이를 관리하는 분께 부탁한 뒤) 파일을 다시 열어 주세요.</translation>
    </message>
    <message>
        <source>The disk on your relay&apos;s server reports errors, so your relay could not read or keep this file. Ask whoever looks after your relay to check that disk, then open the file again.</source>
        <translation>릴레이 서버의 디스크에서 오류가 나서 릴레이가 이&#xa0;파일을 읽거나 보관하지 못했어요. 릴레이를 관리하는 분께 디스크 점검을 부탁한 뒤 파일을 다시 열어 주세요.</translation>
    </message>
    <message>
        <source>Your relay may not use its media folder, so it could not keep this file. Tell whoever set up your relay (its log says what to change), then open the file again.</source>
        <translation>릴레이가 미디어 폴더를 쓸 수 없어서 이&#xa0;파일을 보관하지 못했어요. 릴레이를 설정한 분께 알린 뒤(무엇을 바꿔야 하는지 릴레이 로그에 나와 있어요) 파일을 다시 열어 주세요.</translation>
    </message>
    <message>
        <source>Your relay was not ready with this file just now. Open it again in a moment.</source>
        <translation>방금은 릴레이가 이&#xa0;파일을 내줄 준비가 안 됐어요. 잠시 후에 다시 열어 주세요.</translation>
    </message>
    <message>
        <source>Your relay&apos;s database is busy right now, so this file can&apos;t be opened yet. Try again in a moment; if this lasts, tell whoever looks after your relay.</source>
        <translation>지금 릴레이의 데이터베이스가 바빠서 이&#xa0;파일을 아직 열 수 없어요. 잠시 후 다시 시도해 주세요. 계속 이러면 릴레이를 관리하는 분께 알려 주세요.</translation>
    </message>
    <message>
        <source>Your relay cannot reach its database right now (it may be restarting), so this file can&apos;t be opened yet. Try again in a moment; if this lasts, tell whoever looks after your relay.</source>
        <translation>지금 릴레이가 데이터베이스에 연결할 수 없어서(다시 시작하는 중일 수 있어요) 이&#xa0;파일을 아직 열 수 없어요. 잠시 후 다시 시도해 주세요. 계속 이러면 릴레이를 관리하는 분께 알려 주세요.</translation>
    </message>
    <message>
        <source>Your relay&apos;s database needs fixing, so this file can&apos;t be opened. Tell whoever looks after your relay (its log says what to change), then open the file again.</source>
        <translation>릴레이의 데이터베이스를 고쳐야 해서 이&#xa0;파일을 열 수 없어요. 릴레이를 관리하는 분께 알린 뒤(무엇을 바꿔야 하는지 릴레이 로그에 나와 있어요) 파일을 다시 열어 주세요.</translation>
    </message>
    <message>
        <source>The disk on your relay&apos;s server is full, so your relay could not do this. Free some space there, or ask whoever looks after your relay to.</source>
        <translation>릴레이 서버의 디스크가 가득 차서 릴레이가 이&#xa0;일을 하지 못했어요. 서버에서 공간을 비우거나 릴레이를 관리하는 분께 부탁해 주세요.</translation>
    </message>
    <message>
        <source>The disk on your relay&apos;s server reports errors, so your relay could not do this. Ask whoever looks after your relay to check that disk.</source>
        <translation>릴레이 서버의 디스크에서 오류가 나서 릴레이가 이&#xa0;일을 하지 못했어요. 릴레이를 관리하는 분께 디스크 점검을 부탁해 주세요.</translation>
    </message>
    <message>
        <source>Your relay may not use its media folder, so it could not do this. Tell whoever set up your relay (its log says what to change).</source>
        <translation>릴레이가 미디어 폴더를 쓸 수 없어서 이&#xa0;일을 하지 못했어요. 릴레이를 설정한 분께 알려 주세요(무엇을 바꿔야 하는지 릴레이 로그에 나와 있어요).</translation>
    </message>
    <message>
        <source>Your relay was not ready for this just now; it goes through in a moment.</source>
        <translation>방금은 릴레이가 준비가 안 됐어요. 잠시 후에 처리돼요.</translation>
    </message>
    <message>
        <source>Your relay&apos;s database is busy right now. If this lasts, tell whoever looks after your relay.</source>
        <translation>지금 릴레이의 데이터베이스가 바빠요. 계속 이러면 릴레이를 관리하는 분께 알려 주세요.</translation>
    </message>
    <message>
        <source>Your relay cannot reach its database right now (it may be restarting). If this lasts, tell whoever looks after your relay.</source>
        <translation>지금 릴레이가 데이터베이스에 연결할 수 없어요(다시 시작하는 중일 수 있어요). 계속 이러면 릴레이를 관리하는 분께 알려 주세요.</translation>
    </message>
    <message>
        <source>Your relay&apos;s database needs fixing, so your relay cannot do this. It does not mend by itself: tell whoever looks after your relay (its log says what to change).</source>
        <translation>릴레이의 데이터베이스를 고쳐야 해서 릴레이가 이&#xa0;일을 할 수 없어요. 저절로 고쳐지지 않으니 릴레이를 관리하는 분께 알려 주세요(무엇을 바꿔야 하는지 릴레이 로그에 나와 있어요).</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then try again.</source>
        <translation>디스크 공간이 가득 찼어요. 공간을 비운 뒤 다시 해 보세요.</translation>
    </message>
    <message>
        <source>“{0}” is not there any more (moved or deleted?).</source>
        <translation>“{0}” 파일을 찾을 수 없어요. 옮겨졌거나 지워졌을 수 있어요.</translation>
    </message>
    <message>
        <source>The file or folder is not there any more (moved or deleted?).</source>
        <translation>파일이나 폴더를 찾을 수 없어요. 옮겨졌거나 지워졌을 수 있어요.</translation>
    </message>
    <message>
        <source>A file could not be read or written: {0}</source>
        <translation>파일을 읽거나 쓰지 못했어요: {0}</translation>
    </message>
    <message>
        <source>This message was to go from a number your relay does not send from: it is not one of your shop&apos;s WhatsApp numbers there. Nothing was sent.</source>
        <translation>이&#xa0;메시지의 보내는 번호는 릴레이에 연결된 매장 WhatsApp 번호가 아니라서 릴레이가 보낼 수 없어요. 아무것도 보내지 않았어요.</translation>
    </message>
    <message>
        <source>The attached file cannot be read any more. Attach it again.</source>
        <translation>첨부한 파일을 더 이상 읽을 수 없어요. 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>메시지를 보내지 못했어요.</translation>
    </message>
</context>
<context>
    <name>ExpiryNotice</name>
    <message>
        <source>&amp;Review…</source>
        <translation>살펴보기(&amp;R)…</translation>
    </message>
    <message>
        <source>1 order cancelled because the payment deadline passed — tell the customer?</source>
        <translation>입금 기한이 지나 취소된 주문 1건 — 고객에게 취소 안내를 보낼까요?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) cancelled because the payment deadline passed — tell the customers?</source>
        <translation>
            <numerusform>입금 기한이 지나 취소된 주문 %Ln건 — 고객에게 취소 안내를 보낼까요?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldButtons</name>
    <message>
        <source>Insert:</source>
        <translation>넣기:</translation>
    </message>
    <message>
        <source>&amp;Customer&apos;s name</source>
        <translation>전체 이름(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>고객 이름(&amp;F)</translation>
    </message>
    <message>
        <source>Sho&amp;p name</source>
        <translation>가게 이름(&amp;P)</translation>
    </message>
    <message>
        <source>Next &amp;opening</source>
        <translation>다음 영업 시작(&amp;O)</translation>
    </message>
    <message>
        <source>Business hou&amp;rs</source>
        <translation>영업시간(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Bank account</source>
        <translation>입금 계좌(&amp;B)</translation>
    </message>
</context>
<context>
    <name>FieldTokens</name>
    <message>
        <source>name</source>
        <translation>전체 이름</translation>
    </message>
    <message>
        <source>first_name</source>
        <translation>고객 이름</translation>
    </message>
    <message>
        <source>shop</source>
        <translation>가게 이름</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>다음 영업 시작</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>영업시간</translation>
    </message>
</context>
<context>
    <name>GreetingEditor</name>
    <message>
        <source>Greeting message</source>
        <translation>인사 메시지</translation>
    </message>
    <message>
        <source>Send a &amp;greeting message</source>
        <translation>인사 메시지 보내기(&amp;G)</translation>
    </message>
    <message>
        <source>Hello {name}, thanks for writing to {shop}! How can we help?</source>
        <translation>안녕하세요 {name}님, {shop}에 연락 주셔서 감사해요! 무엇을 도와드릴까요?</translation>
    </message>
    <message>
        <source> days</source>
        <translation>일</translation>
    </message>
    <message>
        <source> day</source>
        <translation>일</translation>
    </message>
    <message>
        <source>&amp;Again after silence of</source>
        <translation>대화가 끊긴 뒤 다시 보내기(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;While you are away, send only the away message</source>
        <translation>자리 비움 시간에는 자리 비움 메시지만 보내기(&amp;W)</translation>
    </message>
    <message>
        <source>Your away message is off, so this changes nothing. Switch it on in Away message.</source>
        <translation>자리 비움 메시지가 꺼져 있어서 지금은 적용되지 않아요. 자리 비움 메시지 설정에서 켜 주세요.</translation>
    </message>
    <message>
        <source>A customer who writes for the first time while you are away gets your away message alone, not the greeting and then the away message. They are not greeted later either: they have had an answer.</source>
        <translation>자리 비움 시간에 처음 연락한 고객에게는 인사 메시지와 자리 비움 메시지를 연달아 보내지 않고 자리 비움 메시지만 보내요. 이미 답장을 받은 고객이라 나중에 인사 메시지를 따로 보내지도 않아요.</translation>
    </message>
</context>
<context>
    <name>HoursZoneOffer</name>
    <message>
        <source>Business hours&apos; time zone</source>
        <translation>영업시간의 시간대</translation>
    </message>
    <message>
        <source>&amp;Keep {0} time</source>
        <translation>{0} 시간 그대로 두기(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Choose the time zone…</source>
        <translation>시간대 고르기(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Use {0} time</source>
        <translation>{0} 시간으로 바꾸기(&amp;U)</translation>
    </message>
    <message>
        <source>The shop&apos;s country is now {0}, but its business hours still keep {1} time ({2}). {3} has several time zones: choose the one your shop keeps its hours in.</source>
        <translation>가게 나라를 {0}(으)로 바꿨는데 영업시간은 아직 {1} 시간({2})을 따르고 있어요. {3}에는 시간대가 여러 개 있어요. 가게 영업시간에 쓸 시간대를 골라 주세요.</translation>
    </message>
    <message>
        <source>The shop&apos;s country is now {0}, but its business hours still keep {1} time ({2}). Change them to {3} time ({4})? Away messages “outside business hours” follow the same clock.</source>
        <translation>가게 나라를 {0}(으)로 바꿨는데 영업시간은 아직 {1} 시간({2})을 따르고 있어요. {3} 시간({4})으로 바꿀까요? ‘영업시간 외’ 자리 비움 메시지도 같은 시계를 따라요.</translation>
    </message>
</context>
<context>
    <name>ImportCutShort</name>
    <message>
        <source>This chat import did not finish (the computer lost power, the app was stopped, or the disk was full):
{files}

What it had brought in was removed, so no chat is there half or twice. Import the chat again to have all of it.</source>
        <translation>이&#xa0;채팅 가져오기가 끝나지 않았어요(컴퓨터 전원이 꺼졌거나, 앱이 강제로 종료됐거나, 디스크가 가득 찼어요):
{files}

그때까지 가져온 메시지는 지웠으니 채팅이 반만 있거나 두&#xa0;번 들어가 있지 않아요. 전체 채팅을 보려면 다시 가져오세요.</translation>
    </message>
    <message>
        <source>Chat import not finished</source>
        <translation>채팅 가져오기가 끝나지 않았어요</translation>
    </message>
    <message>
        <source>&amp;Import again…</source>
        <translation>다시 가져오기(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import chat from phone</source>
        <translation>휴대폰에서 채팅 가져오기</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>{0} 읽는 중…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>참여자</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>First lines</source>
        <translation>처음 몇 줄</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <source>Lines that could not be read (not imported, and not added to any other message):</source>
        <translation>읽지 못한 줄 (가져오지 않았고, 다른 메시지에도 붙이지 않았어요):</translation>
    </message>
    <message>
        <source>Check the chat below, then press Import. Nothing is saved before that.</source>
        <translation>아래 채팅을 확인한 뒤 가져오기를 누르세요. 그&#xa0;전에는 아무것도 저장되지 않아요.</translation>
    </message>
    <message>
        <source>{0} export · {1} · {2} · {3}</source>
        <translation>{0} 내보내기 · {1} · {2} · {3}</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>메시지 1개</translation>
    </message>
    <message>
        <source>{0} messages</source>
        <translation>메시지 {0}개</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1줄</translation>
    </message>
    <message>
        <source>{0} lines</source>
        <translation>{0}줄</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>The time zone is set to match this chat&apos;s messages already here: none is added twice.</source>
        <translation>이미 있는 메시지에 맞춰 시간대를 골랐어요. 같은 메시지가 두&#xa0;번 추가되지 않아요.</translation>
    </message>
    <message>
        <source> · zip with {0} of {1} attached files</source>
        <translation> · 첨부 파일 {1}개 중 {0}개가 들어 있는 zip</translation>
    </message>
    <message>
        <source>{0} (1 message)</source>
        <translation>{0} (메시지 1개)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>가져오기(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Open chat</source>
        <translation>채팅 열기(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;How to export from the phone…</source>
        <translation>휴대폰에서 내보내는 방법(&amp;H)…</translation>
    </message>
    <message>
        <source>Optional, e.g. {0}</source>
        <translation>선택 사항, 예: {0}</translation>
    </message>
    <message>
        <source>Which one is your &amp;shop?</source>
        <translation>어느 쪽이 가게인가요(&amp;S)?</translation>
    </message>
    <message>
        <source>&amp;Add to</source>
        <translation>추가할 연락처(&amp;A)</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;number</source>
        <translation>고객 전화번호(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Time zone of the phone</source>
        <translation>휴대폰의 시간대(&amp;T)</translation>
    </message>
    <message>
        <source>{0} ({1} messages)</source>
        <translation>{0} (메시지 {1}개)</translation>
    </message>
    <message>
        <source>1 line could not be read: it will not be imported.</source>
        <translation>1줄을 읽지 못했어요. 이&#xa0;줄은 가져오지 않아요.</translation>
    </message>
    <message>
        <source>{0} lines could not be read: they will not be imported.</source>
        <translation>{0}줄을 읽지 못했어요. 이&#xa0;줄들은 가져오지 않아요.</translation>
    </message>
    <message>
        <source>None of them</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <source>This is a group chat ({0} members). It is imported as a read-only archive: one chat with every member&apos;s messages and names, searchable, but nothing can be sent to it. Members written as phone numbers are linked to your contacts with that number.</source>
        <translation>그룹 채팅이에요 (참여자 {0}명). 읽기 전용 보관 채팅으로 가져와요. 모든 참여자의 메시지와 이름이 한&#xa0;채팅에 담기고 검색할 수 있지만, 메시지를 보낼 수는 없어요. 전화번호로 표시된 참여자는 같은 번호의 연락처와 연결돼요.</translation>
    </message>
    <message>
        <source>English (US)</source>
        <translation>영어(미국)</translation>
    </message>
    <message>
        <source>English (UK)</source>
        <translation>영어(영국)</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>German</source>
        <translation>독일어</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>스페인어</translation>
    </message>
    <message>
        <source>French</source>
        <translation>프랑스어</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>포르투갈어</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>이탈리아어</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>일본어</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>네덜란드어</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>인도네시아어</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>터키어</translation>
    </message>
    <message>
        <source>language not recognised</source>
        <translation>언어를 알 수 없음</translation>
    </message>
    <message>
        <source>12-hour clock</source>
        <translation>12시간제</translation>
    </message>
    <message>
        <source>24-hour clock</source>
        <translation>24시간제</translation>
    </message>
    <message>
        <source>year first</source>
        <translation>연도 먼저</translation>
    </message>
    <message>
        <source>day first</source>
        <translation>일 먼저</translation>
    </message>
    <message>
        <source>month first</source>
        <translation>월 먼저</translation>
    </message>
    <message>
        <source>Choose a contact…</source>
        <translation>연락처를 선택하세요…</translation>
    </message>
    <message>
        <source>Existing contact: {0}</source>
        <translation>기존 연락처: {0}</translation>
    </message>
    <message>
        <source>A new contact</source>
        <translation>새 연락처로 추가</translation>
    </message>
    <message>
        <source>You imported this chat before: only the messages not in it yet will be added. Nothing is saved before you press Import.</source>
        <translation>전에 가져온 채팅이에요. 아직 없는 메시지만 추가돼요. 가져오기를 누르기 전에는 아무것도 저장되지 않아요.</translation>
    </message>
    <message>
        <source>Choose which contact this chat belongs to, or add it as a new contact.</source>
        <translation>이&#xa0;채팅을 어느 연락처에 추가할지 고르거나 새&#xa0;연락처로 추가하세요.</translation>
    </message>
    <message>
        <source>Choose the time zone the phone was in: type its city, like {0}.</source>
        <translation>휴대폰이 있던 시간대를 골라 주세요. 도시 이름을 입력하면 찾을 수 있어요(예: {0}).</translation>
    </message>
    <message>
        <source>Importing… {0} of {1} lines</source>
        <translation>가져오는 중… {1}줄 중 {0}줄</translation>
    </message>
    <message>
        <source> · zip without attached files</source>
        <translation> · 첨부 파일이 없는 zip</translation>
    </message>
    <message>
        <source>No new messages to add.</source>
        <translation>새로 추가할 메시지가 없어요.</translation>
    </message>
    <message>
        <source>{0} messages added.</source>
        <translation>메시지 {0}개를 추가했어요.</translation>
    </message>
    <message>
        <source>1 message added.</source>
        <translation>메시지 1개를 추가했어요.</translation>
    </message>
    <message>
        <source>1 was already in Shop Inbox (skipped as a duplicate).</source>
        <translation>1개는 이미 샵&#xa0;인박스에 있어서 중복으로 건너뛰었어요.</translation>
    </message>
    <message>
        <source>{0} were already in Shop Inbox (skipped as duplicates).</source>
        <translation>{0}개는 이미 샵&#xa0;인박스에 있어서 중복으로 건너뛰었어요.</translation>
    </message>
    <message>
        <source>Photos and files copied: {0}; not in the export: {1}.</source>
        <translation>복사한 사진과 파일: {0}개, 내보낸 파일에 없던 것: {1}개.</translation>
    </message>
    <message>
        <source>1 line could not be read.</source>
        <translation>1줄을 읽지 못했어요.</translation>
    </message>
    <message>
        <source>{0} lines could not be read.</source>
        <translation>{0}줄을 읽지 못했어요.</translation>
    </message>
    <message>
        <source>line {0}: {1}</source>
        <translation>{0}번째 줄: {1}</translation>
    </message>
    <message>
        <source>lines {0}–{1}: {2}</source>
        <translation>{0}–{1}번째 줄: {2}</translation>
    </message>
    <message>
        <source>…and {0} more</source>
        <translation>…외 {0}줄</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was added.</source>
        <translation>가져오기를 취소했어요. 추가된 것은 없어요.</translation>
    </message>
    <message>
        <source>The part of the chat imported before the disk filled up is removed when you close this window, so free some space first (if there is still no room, it is removed when Shop Inbox next starts).</source>
        <translation>디스크가 가득 차기 전까지 가져온 부분은 이&#xa0;창을 닫을 때 지워요. 먼저 공간을 비워 주세요(그래도 공간이 없으면 샵&#xa0;인박스를 다음에 시작할 때 지워요).</translation>
    </message>
    <message>
        <source>Cancelling… removing what was imported</source>
        <translation>취소하는 중… 가져온 내용을 지우고 있어요</translation>
    </message>
    <message>
        <source>WhatsApp chat exports (*.zip *.txt);;All files (*)</source>
        <translation>WhatsApp 채팅 내보내기 파일 (*.zip *.txt);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>ImportHelpDialog</name>
    <message>
        <source>Export a chat from your phone</source>
        <translation>휴대폰에서 채팅 내보내기</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>1. Open the chat in WhatsApp (or WhatsApp Business).
2. Tap ⋮ (More options) › More › Export chat.
3. Choose “Include media” to bring photos and files, or “Without media” for text only.
4. Send the file to yourself (e-mail, Google Drive, or a USB cable) and save it on this computer.</source>
        <translation>1. WhatsApp(또는 WhatsApp Business)에서 채팅을 열어요.
2. ⋮(옵션 더보기) › 더보기 › 채팅 내보내기를 눌러요.
3. 사진과 파일까지 가져오려면 “미디어 포함”, 글만 가져오려면 “미디어 없이”를 골라요.
4. 파일을 자신에게 보내고(이메일, Google Drive, USB 케이블) 이&#xa0;컴퓨터에 저장해요.</translation>
    </message>
    <message>
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <source>1. Open the chat in WhatsApp (or WhatsApp Business).
2. Tap the customer&apos;s name at the top, scroll down and tap Export Chat.
3. Choose Attach Media or Without Media.
4. Save the .zip to Files, AirDrop it to a Mac, or mail it to yourself, and save it on this computer.</source>
        <translation>1. WhatsApp(또는 WhatsApp Business)에서 채팅을 열어요.
2. 위쪽의 고객 이름을 누르고 아래로 내려 채팅 내보내기를 눌러요.
3. 미디어 첨부 또는 미디어 없이를 골라요.
4. .zip 파일을 파일 앱에 저장하거나 Mac으로 AirDrop하거나 자신에게 메일로 보낸 뒤 이&#xa0;컴퓨터에 저장해요.</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>그다음</translation>
    </message>
    <message>
        <source>Choose File › Import chat from phone… and pick the .zip (or .txt), or drop it on the Shop Inbox window. Export one chat at a time; importing the same chat again later only adds the messages that are new.</source>
        <translation>파일 › 휴대폰에서 채팅 가져오기…를 선택해 .zip(또는 .txt) 파일을 고르거나, 샵&#xa0;인박스 창에 끌어다 놓으세요. 채팅은 하나씩 내보내세요. 같은 채팅을 나중에 다시 가져오면 새&#xa0;메시지만 추가돼요.</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>e.g. Linen shirt, ivory</source>
        <translation>예: 린넨 셔츠 아이보리</translation>
    </message>
    <message>
        <source>Made for you when left empty</source>
        <translation>비워 두면 자동으로 만들어져요</translation>
    </message>
    <message>
        <source>Material, sizes, colours, care…</source>
        <translation>소재, 사이즈, 색상, 세탁 방법…</translation>
    </message>
    <message>
        <source>Drop pictures here. Drag to reorder; the first one is sent.</source>
        <translation>사진을 여기에 끌어다 놓으세요. 끌어서 순서를 바꿀 수 있고, 첫&#xa0;번째 사진이 전송돼요.</translation>
    </message>
    <message>
        <source>Pieces in stock</source>
        <translation>재고 수량</translation>
    </message>
    <message>
        <source> pcs</source>
        <translation>개</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>상품명</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>상품 코드</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>링크</translation>
    </message>
    <message>
        <source>Save an&amp;yway</source>
        <translation>그대로 저장(&amp;Y)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>되돌리기(&amp;V)</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>재고</translation>
    </message>
    <message>
        <source>Edit item</source>
        <translation>상품 수정</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>새 상품</translation>
    </message>
    <message>
        <source>Not counted: the item is never shown as sold out.</source>
        <translation>세지 않아요: 이&#xa0;상품은 품절로 표시되지 않아요.</translation>
    </message>
    <message>
        <source>{0} promised to orders awaiting payment.</source>
        <translation>입금 대기 주문에 {0}개가 잡혀 있어요.</translation>
    </message>
    <message>
        <source>Sold out: nothing left to promise.</source>
        <translation>품절: 더 팔 수 있는 재고가 없어요.</translation>
    </message>
    <message>
        <source>Enter a price.</source>
        <translation>가격을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the price as a whole number, e.g. 15000.</source>
        <translation>가격을 정수로 입력하세요. 예: 15000</translation>
    </message>
    <message>
        <source>Enter the price as a number, e.g. 12.50.</source>
        <translation>가격을 숫자로 입력하세요. 예: 12.50</translation>
    </message>
    <message>
        <source>An item can have at most 10 pictures.</source>
        <translation>상품 사진은 최대 10장까지예요.</translation>
    </message>
    <message>
        <source>Give the item a name.</source>
        <translation>상품명을 입력하세요.</translation>
    </message>
    <message>
        <source>&amp;Add pictures…</source>
        <translation>사진 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>제거(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Hidden (customers are not sent this item)</source>
        <translation>숨김(&amp;H) (고객에게 보내지 않음)</translation>
    </message>
    <message>
        <source>Co&amp;unt stock</source>
        <translation>재고 세기(&amp;U)</translation>
    </message>
    <message>
        <source> pc</source>
        <translation>개</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>상품명(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>가격(&amp;P)</translation>
    </message>
    <message>
        <source>Item &amp;code</source>
        <translation>상품 코드(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>설명(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>링크(&amp;L)</translation>
    </message>
    <message>
        <source>Pic&amp;tures</source>
        <translation>사진(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;ollections</source>
        <translation>컬렉션(&amp;O)</translation>
    </message>
    <message>
        <source>Counted by size only: every counted size is promised, so it shows as sold out.</source>
        <translation>옵션별로만 세요: 세는 옵션의 재고가 모두 나가서 품절로 표시돼요.</translation>
    </message>
    <message>
        <source>Counted by size only: it shows as sold out when every counted size is promised and it sells no size nobody counts.</source>
        <translation>옵션별로만 세요: 세는 옵션의 재고가 모두 나가고, 재고를 세지 않고 파는 옵션도 없을 때 품절로 표시돼요.</translation>
    </message>
    <message>
        <source>None left of its own count, but a size counted apart still has some.</source>
        <translation>상품 재고는 없지만 따로 세는 옵션에 재고가 남아 있어서 품절이 아니에요.</translation>
    </message>
    <message>
        <source>Add pictures</source>
        <translation>사진 추가</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.heic)</source>
        <translation>이미지 (*.jpg *.jpeg *.png *.webp *.gif *.heic)</translation>
    </message>
    <message>
        <source>Adding pictures…</source>
        <translation>사진 추가 중…</translation>
    </message>
    <message>
        <source>These files are not pictures Shop Inbox can read: {0}</source>
        <translation>샵&#xa0;인박스가 읽을 수 없는 사진 파일입니다: {0}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
</context>
<context>
    <name>KeptEdits</name>
    <message>
        <source>You have an unsaved away message from {0}.</source>
        <translation>{0}에 작성하고 저장하지 못한 자리 비움 메시지가 있어요.</translation>
    </message>
    <message>
        <source>You have an unsaved greeting message from {0}.</source>
        <translation>{0}에 작성하고 저장하지 못한 인사 메시지가 있어요.</translation>
    </message>
    <message>
        <source>You have unsaved business hours from {0}.</source>
        <translation>{0}에 입력하고 저장하지 못한 영업시간이 있어요.</translation>
    </message>
    <message>
        <source>You have unsaved menu bot changes from {0}.</source>
        <translation>{0}에 바꾸고 저장하지 못한 메뉴 봇 내용이 있어요.</translation>
    </message>
    <message>
        <source>You have unsaved shop profile changes from {0}.</source>
        <translation>{0}에 바꾸고 저장하지 못한 비즈니스 프로필이 있어요.</translation>
    </message>
    <message>
        <source>You have an unsaved quick reply from {0}.</source>
        <translation>{0}에 작성하고 저장하지 못한 빠른 답장이 있어요.</translation>
    </message>
    <message>
        <source>You have an unsaved quick reply {1} from {0}.</source>
        <translation>{0}에 작성하고 저장하지 못한 빠른 답장({1})이 있어요.</translation>
    </message>
    <message>
        <source>You have an unsaved catalogue item from {0}.</source>
        <translation>{0}에 작성하고 저장하지 못한 카탈로그 상품이 있어요.</translation>
    </message>
    <message>
        <source>You have an unsaved catalogue item “{1}” from {0}.</source>
        <translation>{0}에 작성하고 저장하지 못한 카탈로그 상품이 있어요: “{1}”</translation>
    </message>
    <message>
        <source>You have an unsaved campaign from {0}.</source>
        <translation>{0}에 작성하고 저장하지 못한 캠페인이 있어요.</translation>
    </message>
    <message>
        <source>You have an unsaved campaign “{1}” from {0}.</source>
        <translation>{0}에 작성하고 저장하지 못한 캠페인이 있어요: “{1}”</translation>
    </message>
</context>
<context>
    <name>KeptEditsNotice</name>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>There is nothing to restore: those words were saved or discarded meanwhile.</source>
        <translation>복원할 내용이 없어요. 그사이에 저장했거나 버린 내용이에요.</translation>
    </message>
</context>
<context>
    <name>KeptEditsStrip</name>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Discard the kept changes</source>
        <translation>저장하지 못한 변경 내용 버리기</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>복원(&amp;R)</translation>
    </message>
    <message>
        <source>R&amp;estore</source>
        <translation>복원(&amp;E)</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>복원(&amp;T)</translation>
    </message>
    <message>
        <source>Rest&amp;ore</source>
        <translation>복원(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>버리기(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>버리기(&amp;I)</translation>
    </message>
    <message>
        <source>Dis&amp;card</source>
        <translation>버리기(&amp;C)</translation>
    </message>
    <message>
        <source>Disc&amp;ard</source>
        <translation>버리기(&amp;A)</translation>
    </message>
</context>
<context>
    <name>LabelListModel</name>
    <message numerus="yes">
        <source>%Ln chats</source>
        <translation>
            <numerusform>채팅 %Ln개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelNames</name>
    <message>
        <source>New customer</source>
        <translation>새&#xa0;고객</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>새&#xa0;주문</translation>
    </message>
    <message>
        <source>Pending payment</source>
        <translation>입금&#xa0;대기</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제&#xa0;완료</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>배송&#xa0;중</translation>
    </message>
    <message>
        <source>Order complete</source>
        <translation>주문&#xa0;완료</translation>
    </message>
</context>
<context>
    <name>LabelsManager</name>
    <message>
        <source>Labels</source>
        <translation>라벨</translation>
    </message>
    <message>
        <source>A label needs a name.</source>
        <translation>라벨 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>&amp;New label…</source>
        <translation>새 라벨(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>이름 바꾸기(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>색상(&amp;C)…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>위로(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>아래로(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Labels are kept on this computer only: another computer connected to the same relay has its own labels and does not see which chats carry these.</source>
        <translation>라벨은 이&#xa0;컴퓨터에만 저장돼요. 같은 릴레이에 연결된 다른 컴퓨터에는 따로 라벨이 있고, 어떤 채팅에 이&#xa0;라벨이 붙었는지도 보이지 않아요.</translation>
    </message>
    <message>
        <source>This name is too long.</source>
        <translation>이름이 너무 길어요.</translation>
    </message>
    <message>
        <source>There is already a label with this name.</source>
        <translation>같은 이름의 라벨이 이미 있어요.</translation>
    </message>
    <message>
        <source>This colour cannot be used.</source>
        <translation>이&#xa0;색상은 쓸 수 없어요.</translation>
    </message>
    <message>
        <source>This label was deleted meanwhile.</source>
        <translation>이&#xa0;라벨은 그사이 삭제되었어요.</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>새 라벨</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>이름(&amp;N)</translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation>라벨 이름 바꾸기</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>라벨 색상</translation>
    </message>
    <message numerus="yes">
        <source>Delete the label “{0}”? It is removed from %Ln chats; the chats stay.</source>
        <translation>
            <numerusform>“{0}” 라벨을 삭제할까요? 채팅 %Ln개에서 라벨만 빠지고 채팅은 그대로 남아요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the label “{0}”? It is removed from one chat; the chat stays.</source>
        <translation>“{0}” 라벨을 삭제할까요? 채팅 1개에서 라벨만 빠지고 채팅은 그대로 남아요.</translation>
    </message>
    <message>
        <source>Delete the label “{0}”?</source>
        <translation>“{0}” 라벨을 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>라벨 삭제</translation>
    </message>
    <message>
        <source>Deleted the label “{0}”.</source>
        <translation>“{0}” 라벨을 삭제했어요.</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>System language ({0})</source>
        <translation>시스템 언어({0})</translation>
    </message>
    <message>
        <source>In use now: {0}, given when Shop Inbox was started (--lang). Saving keeps {0} for later starts too; until now they used {1}.</source>
        <translation>지금 쓰는 언어: {0}(샵&#xa0;인박스를 시작할 때 --lang으로 정한 언어예요). 저장하면 다음에 시작할 때도 {0}(으)로 표시돼요. 지금까지는 {1}(으)로 표시됐어요.</translation>
    </message>
    <message>
        <source>In use now: {0}, the language Shop Inbox was started in. Started without a language given, it uses {1}.</source>
        <translation>지금 쓰는 언어: {0}(샵&#xa0;인박스를 시작할 때 정한 언어예요). 언어를 정하지 않고 시작하면 {1}(으)로 표시돼요.</translation>
    </message>
    <message>
        <source>In use now: {0}. Shop Inbox uses {1} after it restarts.</source>
        <translation>지금 쓰는 언어: {0}. 샵&#xa0;인박스를 다시 시작하면 {1}(으)로 바뀌어요.</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Item</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>단가</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>{0} (not in catalogue)</source>
        <translation>{0} (카탈로그에 없음)</translation>
    </message>
    <message>
        <source>Double-click to change the size, colour or other option</source>
        <translation>더블클릭해서 사이즈, 색상 등 옵션을 바꿀 수 있어요</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Find</source>
        <translation>찾기(&amp;F)</translation>
    </message>
    <message>
        <source>Shop Inbox</source>
        <translation>샵 인박스</translation>
    </message>
    <message>
        <source>Shop Inbox (demo)</source>
        <translation>샵&#xa0;인박스 (데모)</translation>
    </message>
    <message>
        <source>Your reply to {0} was not sent.</source>
        <translation>{0}님에게 보낸 답장이 전송되지 않았어요.</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>Your data folder, {folder}, is still not there. Put the USB stick back (or connect the drive), then press Start again.</source>
        <translation>데이터 폴더 {folder}이(가) 아직 보이지 않아요. USB 메모리를 다시 꽂거나 드라이브를 연결한 뒤 다시 시작을 누르세요.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Shop</source>
        <translation>상점(&amp;S)</translation>
    </message>
    <message>
        <source>Available in a moment: Shop Inbox is still starting</source>
        <translation>잠시 후 사용할 수 있어요: 샵&#xa0;인박스를 시작하는 중이에요</translation>
    </message>
    <message>
        <source>Try the demo shop</source>
        <translation>데모 상점 둘러보기</translation>
    </message>
    <message>
        <source>The demo shop could not be started. Your own chats are not affected.</source>
        <translation>데모 상점을 열 수 없어요. 내&#xa0;채팅에는 아무 영향이 없어요.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import chat from phone…</source>
        <translation>휴대폰에서 채팅 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export chat…</source>
        <translation>채팅 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>지금 백업(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>백업에서 복원(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Orders…</source>
        <translation>주문(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Match bank deposits…</source>
        <translation>입금 확인(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Export orders…</source>
        <translation>주문 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Order se&amp;ttings…</source>
        <translation>주문 설정(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Catalogue…</source>
        <translation>카탈로그(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quick replies…</source>
        <translation>빠른 답장(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>라벨(&amp;L)…</translation>
    </message>
    <message>
        <source>Cam&amp;paigns…</source>
        <translation>캠페인(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Greeting message…</source>
        <translation>인사 메시지(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Away message…</source>
        <translation>자리 비움 메시지(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Business hours…</source>
        <translation>영업시간(&amp;B)…</translation>
    </message>
    <message>
        <source>Business p&amp;rofile…</source>
        <translation>비즈니스 프로필(&amp;R)…</translation>
    </message>
    <message>
        <source>Me&amp;nu bot…</source>
        <translation>메뉴 봇(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Share link and QR code…</source>
        <translation>공유 링크 및 QR 코드(&amp;S)…</translation>
    </message>
    <message>
        <source>Data folder: {folder}
Log file: {log}</source>
        <translation>데이터 폴더: {folder}
로그 파일: {log}</translation>
    </message>
    <message>
        <source>About Shop Inbox</source>
        <translation>샵 인박스 정보</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>How to &amp;export a chat from your phone</source>
        <translation>휴대폰에서 채팅을 내보내는 방법(&amp;E)</translation>
    </message>
    <message>
        <source>How do I set up a &amp;relay?</source>
        <translation>릴레이는 어떻게 설정하나요(&amp;R)?</translation>
    </message>
    <message>
        <source>Moving to a &amp;new computer</source>
        <translation>새 컴퓨터로 옮기기(&amp;N)</translation>
    </message>
    <message>
        <source>The demo shop is starting in a window of its own; it takes a few seconds. Your own chats are not affected.</source>
        <translation>데모 상점을 별도의 창으로 여는 중이에요. 몇&#xa0;초 걸려요. 내&#xa0;채팅에는 영향을 주지 않아요.</translation>
    </message>
    <message>
        <source>Try the &amp;demo shop</source>
        <translation>데모 상점 둘러보기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About Shop Inbox</source>
        <translation>샵 인박스 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Shop Inbox {version}
Answer your WhatsApp customers from your computer.</source>
        <translation>샵&#xa0;인박스 {version}
컴퓨터에서 WhatsApp 고객에게 답장하세요.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>지금 백업</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>백업 중…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>백업에서 복원</translation>
    </message>
    <message>
        <source>Restoring the backup. Shop Inbox starts again when it is done…</source>
        <translation>백업을 복원하고 있어요. 끝나면 샵&#xa0;인박스가 다시 시작돼요…</translation>
    </message>
    <message>
        <source>Your chats were restored. Shop Inbox starts again now.
The previous data was kept in {folder}.</source>
        <translation>채팅을 복원했어요. 샵&#xa0;인박스가 지금 다시 시작돼요.
이전 데이터는 {folder}에 보관했어요.</translation>
    </message>
    <message>
        <source>Your chats were restored. Shop Inbox starts again now, in the language and with the settings of the backup.
The previous data was kept in {folder}.</source>
        <translation>채팅을 복원했어요. 샵&#xa0;인박스가 지금 백업의 언어와 설정으로 다시 시작돼요.
이전 데이터는 {folder}에 보관했어요.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>복원 실패</translation>
    </message>
    <message>
        <source>Your chats are as they were. Shop Inbox starts again now.</source>
        <translation>채팅은 그대로예요. 샵&#xa0;인박스가 지금 다시 시작돼요.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>백업 복원됨</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>채팅(&amp;C)</translation>
    </message>
    <message>
        <source>Contact &amp;info</source>
        <translation>연락처 정보(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Search in this chat</source>
        <translation>이 채팅에서 검색(&amp;S)</translation>
    </message>
    <message>
        <source>Start &amp;order…</source>
        <translation>주문 만들기(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>MessageBox</name>
    <message>
        <source>&amp;Message</source>
        <translation>메시지(&amp;M)</translation>
    </message>
    <message>
        <source>Choose &amp;header picture…</source>
        <translation>머리글 사진 고르기(&amp;H)…</translation>
    </message>
    <message>
        <source>From the catalo&amp;gue…</source>
        <translation>카탈로그에서(&amp;G)…</translation>
    </message>
    <message>
        <source>Choose an approved template…</source>
        <translation>승인된 템플릿 고르기…</translation>
    </message>
    <message>
        <source>Marketing (paid)</source>
        <translation>마케팅 (유료)</translation>
    </message>
    <message>
        <source>Utility</source>
        <translation>유틸리티</translation>
    </message>
    <message>
        <source>This draft&apos;s template “{0}” ({1}) is not approved now: Meta may have paused or turned it off, or it was deleted. Choose another template, or open the draft again once WhatsApp Manager shows it approved.</source>
        <translation>임시 저장한 이&#xa0;캠페인의 템플릿은 지금 승인된 상태가 아니에요: “{0}”({1}). Meta가 일시 중지하거나 사용 중지했을 수도 있고, 삭제되었을 수도 있어요. 다른 템플릿을 고르거나, WhatsApp 관리자에서 다시 승인된 것을 확인한 뒤 이&#xa0;캠페인을 다시 열어 주세요.</translation>
    </message>
    <message>
        <source>Fixed text</source>
        <translation>고정 문구</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>고객 이름</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>전체 이름</translation>
    </message>
    <message>
        <source>e.g. {0}</source>
        <translation>예: {0}</translation>
    </message>
    <message>
        <source>Marketing: charged per delivered message; needs marketing consent.</source>
        <translation>마케팅: 전달된 메시지마다 요금이 부과되고, 광고 수신 동의가 필요해요.</translation>
    </message>
    <message>
        <source>Utility: free inside an open 24-hour window; needs the notifications opt-in.</source>
        <translation>유틸리티: 고객이 24시간 안에 메시지를 보냈다면 무료이고, 알림 수신 동의가 필요해요.</translation>
    </message>
    <message>
        <source>Text for every customer</source>
        <translation>모든&#xa0;고객에게 보낼 문구</translation>
    </message>
    <message>
        <source>Text if there is no name</source>
        <translation>이름이 없을 때 쓸 문구</translation>
    </message>
    <message>
        <source>If a customer taps {buttons}, the menu bot does not answer. Make sure someone will.</source>
        <translation>고객이 {buttons}을(를) 누르면 메뉴 봇이 답하지 않아요. 답할 사람이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>If a customer taps {buttons}, the menu bot answers.</source>
        <translation>고객이 {buttons}을(를) 누르면 메뉴 봇이 답해요.</translation>
    </message>
    <message>
        <source>Header picture</source>
        <translation>머리글 사진</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>사진 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>확인(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;all</source>
        <translation>모두 저장(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>예(&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;all</source>
        <translation>모두 예(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>아니요(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to all</source>
        <translation>모두 아니요(&amp;O)</translation>
    </message>
    <message>
        <source>A&amp;bort</source>
        <translation>중단(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>다시 시도(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>무시(&amp;I)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>닫기(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>저장 안 함(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>적용(&amp;P)</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>초기화(&amp;E)</translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>기본값 복원(&amp;D)</translation>
    </message>
</context>
<context>
    <name>MessageRuleEditor</name>
    <message>
        <source>For example: {example}</source>
        <translation>예시: {example}</translation>
    </message>
    <message>
        <source>Your business hours never open the shop, so “Next opening” stays empty. Set your opening days in Business hours.</source>
        <translation>영업시간에 여는 날이 없어서 ‘다음 영업 시작’은 비어 있어요. 영업시간에서 여는 요일을 정해 주세요.</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>메시지(&amp;M)</translation>
    </message>
    <message>
        <source>Optional. Sent instead to customers who write in another language than the message above, e.g. the same words in Korean.</source>
        <translation>선택 사항이에요. 위 메시지와 다른 언어로 메시지를 보낸 고객에게는 이&#xa0;글이 대신 가요. 예: 같은 내용을 영어로.</translation>
    </message>
    <message>
        <source>In another &amp;language</source>
        <translation>다른 언어로(&amp;L)</translation>
    </message>
    <message>
        <source>Your shop has no name yet, so “Shop name” stays empty. Give it one in Shop ▸ Business profile.</source>
        <translation>가게 이름을 아직 정하지 않아서 ‘가게 이름’은 비어 있어요. 상점&#xa0;▸&#xa0;비즈니스&#xa0;프로필에서 이름을 정해 주세요.</translation>
    </message>
    <message>
        <source>Send &amp;to</source>
        <translation>받는 사람(&amp;T)</translation>
    </message>
    <message>
        <source>Write the message, or switch it off.</source>
        <translation>메시지를 쓰거나, 기능을 끄세요.</translation>
    </message>
    <message>
        <source>A message can be at most {0} characters.</source>
        <translation>메시지는 최대 {0}자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>This message also goes out while the shop is open, and then “Next opening” is empty: write the sentence so that it reads well without it.</source>
        <translation>이&#xa0;메시지는 영업 중에도 나가는데, 그때는 ‘다음 영업 시작’이 비어 있어요. 그&#xa0;부분이 없어도 자연스럽게 읽히도록 써 주세요.</translation>
    </message>
    <message>
        <source>No field fills “{0}”: customers get it as written. Put fields in with the buttons above.</source>
        <translation>“{0}”에는 아무것도 채워지지 않아 고객에게 적힌 그대로 가요. 항목은 위의 버튼으로 넣어 주세요.</translation>
    </message>
    <message>
        <source>Customers of all your numbers ({0}) get this same message, from the number they wrote to: one who writes to two of them gets it in each chat. Write it so it fits every branch (one message per number is not possible yet).</source>
        <translation>모든 매장 번호({0})의 고객이 이&#xa0;메시지를 똑같이 받아요. 고객이 연락한 번호에서 보내지고, 두&#xa0;번호에 모두 연락한 고객은 채팅마다 한&#xa0;번씩 받아요. 어느 지점에도 맞게 써 주세요. (번호마다 다른 메시지는 아직 보낼 수 없어요.)</translation>
    </message>
</context>
<context>
    <name>MovingHelpDialog</name>
    <message>
        <source>Moving to a new computer</source>
        <translation>새 컴퓨터로 옮기기</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>이 컴퓨터에서</translation>
    </message>
    <message>
        <source>1. Choose File ▸ Back up now… and save the file: it holds your chats, photos and files, orders, labels, quick replies, drafts and settings.
2. Copy the file to the new computer, on a USB stick for example.</source>
        <translation>1. 파일&#xa0;▸&#xa0;지금&#xa0;백업…을 눌러 백업 파일을 저장하세요. 채팅, 사진과 파일, 주문, 라벨, 빠른 답장, 임시 저장한 답장, 설정이 모두 들어 있어요.
2. 그&#xa0;파일을 새&#xa0;컴퓨터로 옮기세요. USB 메모리에 담아 가면 돼요.</translation>
    </message>
    <message>
        <source>On the new computer</source>
        <translation>새 컴퓨터에서</translation>
    </message>
    <message>
        <source>3. Install Shop Inbox. On its first start, choose “Restore a backup from your old computer…” and pick the file. Say Restore, then whether Shop Inbox opens by itself when you sign in to this computer. (Already set up there? Use File ▸ Restore from backup… instead: it asks the same.)
4. The backup never holds the relay token: when the bar above the chats asks for it, press Settings, paste the relay token and save. New messages then arrive from where the backup left off, none twice.
5. Drafts come with the files you attached to them, from other folders too (Downloads, for example); a file that was no longer on the old computer when the backup was made is named under the reply box: attach it again.</source>
        <translation>3. 새&#xa0;컴퓨터에 샵&#xa0;인박스를 설치하세요. 처음 시작할 때 “이전 컴퓨터의 백업에서 복원…”을 누르고 그&#xa0;파일을 고르세요. 복원을 누른 뒤, 이&#xa0;컴퓨터에 로그인하면 샵&#xa0;인박스를 자동으로 열지 답하세요. (이미 설정을 마쳤다면 파일&#xa0;▸&#xa0;백업에서&#xa0;복원…을 쓰세요. 같은 것을 물어봐요.)
4. 백업에는 릴레이 토큰이 들어 있지 않아요. 채팅 위에 릴레이 토큰을 넣으라는 알림이 뜨면 설정을 누르고 릴레이 토큰을 붙여 넣은 뒤 저장하세요. 그러면 백업한 때부터 새&#xa0;메시지가 이어서 들어오고, 같은 메시지가 두&#xa0;번 오지 않아요.
5. 임시 저장한 답장은 첨부한 파일과 함께 옮겨져요. 다른 폴더(다운로드 등)에 있던 파일도 함께 와요. 백업할 때 이전 컴퓨터에 이미 없던 파일은 메시지 입력란 아래에 이름이 나오니 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>In File ▸ Settings: the folder of the daily backup.</source>
        <translation>파일&#xa0;▸&#xa0;설정에서 매일 백업할 폴더를 다시 정하세요.</translation>
    </message>
    <message>
        <source>Set again on the new computer</source>
        <translation>새 컴퓨터에서 다시 정할 것</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Show Shop Inbox</source>
        <translation>샵 인박스 보기</translation>
    </message>
    <message>
        <source>Quit Shop Inbox</source>
        <translation>샵 인박스 종료</translation>
    </message>
    <message>
        <source>1 new message in 1 more chat</source>
        <translation>다른 채팅 1개에 새&#xa0;메시지 1개</translation>
    </message>
    <message>
        <source>{0} new messages in 1 more chat</source>
        <translation>다른 채팅 1개에 새&#xa0;메시지 {0}개</translation>
    </message>
    <message>
        <source>{0} new messages in {1} more chats</source>
        <translation>다른 채팅 {1}개에 새&#xa0;메시지 {0}개</translation>
    </message>
    <message>
        <source>1 new message in 1 chat</source>
        <translation>채팅 1개에 새 메시지 1개</translation>
    </message>
    <message>
        <source>{0} new messages in 1 chat</source>
        <translation>채팅 1개에 새 메시지 {0}개</translation>
    </message>
    <message>
        <source>{0} new messages in {1} chats</source>
        <translation>채팅 {1}개에 새 메시지 {0}개</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>새 메시지</translation>
    </message>
    <message>
        <source>{0} ({1} messages)</source>
        <translation>{0} (메시지 {1}개)</translation>
    </message>
    <message>
        <source>Reacted {0} to: {1}</source>
        <translation>{0} 반응을 남겼어요: {1}</translation>
    </message>
    <message>
        <source>Reacted {0} to a message</source>
        <translation>메시지에 {0} 반응을 남겼어요</translation>
    </message>
    <message>
        <source>Reacted to a message</source>
        <translation>메시지에 반응을 남겼어요</translation>
    </message>
    <message>
        <source>{0} · to your number {1}</source>
        <translation>{0} · 매장 번호 {1}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Needs a person: the menu bot handed this chat over.</source>
        <translation>상담 필요: 메뉴 봇이 이&#xa0;채팅을 직원에게 넘겼어요.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln campaign(s) paused</source>
        <translation>
            <numerusform>캠페인 %Ln개 일시 중지</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign paused: {0}</source>
        <translation>캠페인 일시 중지: {0}</translation>
    </message>
    <message>
        <source>{0}. Customers not sent yet are waiting; none failed.</source>
        <translation>{0}. 아직 받지 않은 고객은 기다리고 있고, 실패한 고객은 없어요.</translation>
    </message>
    <message>
        <source>No backup made</source>
        <translation>백업을 만들지 못했어요</translation>
    </message>
    <message>
        <source>The last daily backup was made {when}.</source>
        <translation>마지막 자동 백업은 {when}에 만들었어요.</translation>
    </message>
    <message>
        <source>No daily backup has been made yet.</source>
        <translation>아직 자동 백업을 하나도 만들지 못했어요.</translation>
    </message>
    <message>
        <source>Shop Inbox — 1 unread message</source>
        <translation>샵 인박스 — 읽지 않은 메시지 1개</translation>
    </message>
    <message numerus="yes">
        <source>Shop Inbox — %Ln unread messages</source>
        <translation>
            <numerusform>샵 인박스 — 읽지 않은 메시지 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>To your number {0}: {1}</source>
        <translation>매장 번호 {0}: {1}개</translation>
    </message>
    <message>
        <source>Shop Inbox is still running</source>
        <translation>샵 인박스가 계속 실행 중이에요</translation>
    </message>
    <message>
        <source>New messages are still notified here. To quit, right-click this icon.</source>
        <translation>새&#xa0;메시지가 오면 계속 알려 드려요. 종료하려면 이&#xa0;아이콘을 마우스 오른쪽 버튼으로 클릭하세요.</translation>
    </message>
    <message>
        <source>Shop Inbox</source>
        <translation>샵 인박스</translation>
    </message>
</context>
<context>
    <name>NumberChip</name>
    <message>
        <source>Lists the chats to one of your WhatsApp numbers, or to all of them.</source>
        <translation>WhatsApp 매장 번호 하나로 온 채팅만, 또는 모든 번호의 채팅을 보여 줘요.</translation>
    </message>
    <message>
        <source>All numbers</source>
        <translation>모든 번호</translation>
    </message>
    <message>
        <source>A customer wrote to your number {0} for the first time.</source>
        <translation>고객이 {0} 번호로 처음 메시지를 보냈어요.</translation>
    </message>
    <message>
        <source>{0} chooses whose chats the list shows.</source>
        <translation>{0} 키로 목록에 보일 번호의 채팅을 고를 수 있어요.</translation>
    </message>
    <message>
        <source>Chats to your number {0}</source>
        <translation>매장 번호 {0}(으)로 온 채팅</translation>
    </message>
    <message>
        <source>Chats to all your numbers</source>
        <translation>모든 매장 번호로 온 채팅</translation>
    </message>
    <message>
        <source>Only the chats to your number {0} are listed</source>
        <translation>매장 번호 {0}(으)로 온 채팅만 보여 주고 있어요</translation>
    </message>
    <message>
        <source>The chats to all your numbers are listed</source>
        <translation>모든 매장 번호로 온 채팅을 보여 주고 있어요</translation>
    </message>
</context>
<context>
    <name>OpenFile</name>
    <message>
        <source>This file is a program</source>
        <translation>프로그램 파일입니다</translation>
    </message>
    <message>
        <source>“{0}” is a program or script ({1}), not a photo or document. Opening it runs it on this computer, with everything you can reach.

Run it only if you know who made it and asked for it. A customer has no reason to send you a program.</source>
        <translation>“{0}” 파일은 사진이나 문서가 아니라 프로그램 또는 스크립트({1})입니다. 열면 이&#xa0;컴퓨터에서 실행되고, 사장님이 접근할 수 있는 모든 것에 손댈 수 있습니다.

누가 만들었는지 알고 직접 요청한 파일일 때만 실행하세요. 고객이 프로그램을 보낼 이유는 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Run anyway</source>
        <translation>그래도 실행(&amp;R)</translation>
    </message>
</context>
<context>
    <name>OptionBox</name>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Option or size</source>
        <translation>옵션 또는 사이즈</translation>
    </message>
    <message>
        <source>O&amp;ption / size:</source>
        <translation>옵션/사이즈(&amp;P):</translation>
    </message>
</context>
<context>
    <name>OptionsModel</name>
    <message>
        <source>Sold out: none left of the stock you count, so it cannot be sent.</source>
        <translation>품절이에요. 세고 있는 재고가 하나도 남지 않아 보낼 수 없어요.</translation>
    </message>
    <message>
        <source>You do not count the stock of this option: it can always be chosen.</source>
        <translation>이&#xa0;옵션은 재고 관리를 안 해요. 언제든 고를 수 있어요.</translation>
    </message>
    <message>
        <source>What is left of the item, all its options together.</source>
        <translation>모든 옵션을 합친 상품 재고예요.</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>재고 관리 안 함</translation>
    </message>
    <message>
        <source>sold out (unavailable)</source>
        <translation>품절 (선택 불가)</translation>
    </message>
    <message>
        <source>{0} in stock (all options)</source>
        <translation>재고 {0}개 (전체 옵션)</translation>
    </message>
    <message>
        <source>{0} in stock</source>
        <translation>재고 {0}개</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Start order</source>
        <translation>주문 만들기</translation>
    </message>
    <message>
        <source>Order {0} restored as paid; its items are taken from stock again.</source>
        <translation>주문 {0}을(를) 결제 완료로 되살렸어요. 상품은 재고에서 다시 빠졌어요.</translation>
    </message>
    <message>
        <source>Payment confirmation sent to the customer.</source>
        <translation>고객에게 입금 확인 메시지를 보냈어요.</translation>
    </message>
    <message>
        <source>The customer was not told.</source>
        <translation>고객에게는 알리지 않았어요.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) marked paid from the bank file.</source>
        <translation>
            <numerusform>은행 파일로 주문 %Ln건을 결제 완료로 표시했어요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Payment confirmation sent to %Ln customer(s).</source>
        <translation>
            <numerusform>고객 %Ln명에게 입금 확인 메시지를 보냈어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers not told.</source>
        <translation>고객에게는 알리지 않았어요.</translation>
    </message>
</context>
<context>
    <name>OrderBack</name>
    <message>
        <source>Move &amp;back to “{0}”</source>
        <translation>“{0}”(으)로 되돌리기(&amp;B)</translation>
    </message>
    <message>
        <source>Move &amp;back</source>
        <translation>되돌리기(&amp;B)</translation>
    </message>
    <message>
        <source>Move &amp;back…</source>
        <translation>되돌리기(&amp;B)…</translation>
    </message>
    <message>
        <source>The customer was already asked to pay.</source>
        <translation>고객에게 이미 입금 요청을 보냈어요.</translation>
    </message>
    <message>
        <source>The customer was already told her payment arrived.</source>
        <translation>고객에게 이미 입금 확인 메시지를 보냈어요.</translation>
    </message>
    <message>
        <source>The customer was already told it shipped.</source>
        <translation>고객에게 이미 배송 출발을 알렸어요.</translation>
    </message>
    <message>
        <source>The customer was already told it is complete.</source>
        <translation>고객에게 이미 주문 완료를 알렸어요.</translation>
    </message>
    <message>
        <source>The customer was already told it was cancelled.</source>
        <translation>고객에게 이미 주문 취소를 알렸어요.</translation>
    </message>
    <message>
        <source>The customer was already told of this step.</source>
        <translation>고객에게 이미 이&#xa0;단계를 알렸어요.</translation>
    </message>
    <message>
        <source>Nothing is sent to her now: tell her yourself if she should know.</source>
        <translation>지금은 아무 메시지도 보내지 않아요. 알려야 한다면 직접 알려 주세요.</translation>
    </message>
    <message>
        <source>The bank deposit that paid it also paid {0}, which stays paid; this order&apos;s part of it can be matched again.</source>
        <translation>이&#xa0;주문을 결제한 입금 내역은 {0} 주문도 결제했어요. 그&#xa0;주문은 결제 완료 그대로이고, 이&#xa0;주문 몫만 다시 연결할 수 있어요.</translation>
    </message>
    <message>
        <source>Order {0} moved back to “{1}”.</source>
        <translation>주문 {0}을(를) “{1}”(으)로 되돌렸어요.</translation>
    </message>
    <message>
        <source>Its bank deposit can be matched again.</source>
        <translation>이&#xa0;주문의 입금 내역은 다시 확인할 수 있어요.</translation>
    </message>
    <message>
        <source>&amp;Move back</source>
        <translation>되돌리기(&amp;M)</translation>
    </message>
    <message>
        <source>The bank deposit that paid it can be matched again.</source>
        <translation>이&#xa0;주문을 결제한 입금 내역은 연결이 풀려, 다시 연결할 수 있어요.</translation>
    </message>
    <message>
        <source>&amp;Leave it</source>
        <translation>그대로 두기(&amp;L)</translation>
    </message>
    <message>
        <source>Order {0} moved to “{1}”.</source>
        <translation>주문 {0}을(를) “{1}”(으)로 옮겼어요.</translation>
    </message>
    <message>
        <source>Order {0} can only go back to “{1}”.</source>
        <translation>주문 {0}은(는) “{1}”(으)로만 되돌릴 수 있어요.</translation>
    </message>
    <message>
        <source>Move order {0} back from “{1}” to “{2}”?</source>
        <translation>주문 {0}을(를) “{1}”에서 “{2}”(으)로 되돌릴까요?</translation>
    </message>
    <message>
        <source>Its tracking number {0} is taken off.</source>
        <translation>송장번호 {0}은(는) 지워져요.</translation>
    </message>
    <message>
        <source>Its items are taken from stock again.</source>
        <translation>상품을 재고에서 다시 빼요.</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>되돌리기</translation>
    </message>
</context>
<context>
    <name>OrderBoard</name>
    <message>
        <source>Orders</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Search orders: number, customer, item, tracking</source>
        <translation>주문 검색: 주문번호, 고객, 상품, 송장번호</translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation>주문 검색</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>The paid orders as the courier&apos;s upload sheet (CSV for Excel)</source>
        <translation>결제 완료 주문을 택배사 업로드용 파일(엑셀용 CSV)로 저장</translation>
    </message>
    <message>
        <source>Orders of the days you pick, one row per line, for your accounting (Excel or CSV)</source>
        <translation>고른 기간의 주문을 상품 줄마다 한&#xa0;행씩, 회계용으로 (Excel 또는 CSV)</translation>
    </message>
    <message>
        <source>Read the bank&apos;s file of deposits: the orders they pay are marked paid</source>
        <translation>은행 입금 내역 파일을 읽어 입금된 주문을 결제 완료로 표시해요</translation>
    </message>
    <message>
        <source>Read the courier&apos;s file of tracking numbers: those orders are shipped</source>
        <translation>택배사의 송장번호 파일을 읽어 해당 주문을 배송 중으로 바꿔요</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Orders are kept on this computer only: move a customer&apos;s orders on one computer, as another computer connected to the same relay does not see these moves.</source>
        <translation>주문은 이&#xa0;컴퓨터에만 저장돼요. 같은 릴레이에 연결된 다른 컴퓨터에서는 여기서 바꾼 주문 상태가 보이지 않으니, 한&#xa0;고객의 주문은 한&#xa0;컴퓨터에서만 처리해 주세요.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>주문 %Ln건</numerusform>
        </translation>
    </message>
    <message>
        <source>Total {0}, cancelled ones not counted</source>
        <translation>합계 {0} (취소 제외)</translation>
    </message>
    <message>
        <source>Save courier sheet</source>
        <translation>택배 접수 파일 저장</translation>
    </message>
    <message>
        <source>courier-sheet-{0}.xlsx</source>
        <translation>택배접수-{0}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</source>
        <translation>엑셀 통합 문서 (*.xlsx);;엑셀용 CSV (*.csv)</translation>
    </message>
    <message>
        <source>No paid orders to send: the courier sheet lists orders that are paid and not shipped yet.</source>
        <translation>보낼 결제 완료 주문이 없어요. 택배 접수 파일에는 결제가 끝나고 아직 발송하지 않은 주문만 들어가요.</translation>
    </message>
    <message>
        <source>No courier sheet saved: no paid order has an address yet.</source>
        <translation>택배 접수 파일을 저장하지 않았어요. 주소가 입력된 결제 완료 주문이 아직 없어요.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) left out for want of an address.</source>
        <translation>
            <numerusform>주소가 없는 주문 %Ln건은 빠졌어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Courier sheet</source>
        <translation>택배 접수 파일</translation>
    </message>
    <message>
        <source>These paid orders are not in the courier sheet: a courier cannot take a parcel without its address. Fill it in on each order, then save the sheet again.</source>
        <translation>아래 결제 완료 주문은 택배 접수 파일에 넣지 않았어요. 주소가 없으면 택배사가 접수할 수 없어요. 각&#xa0;주문에 주소를 입력한 뒤 파일을 다시 저장해 주세요.</translation>
    </message>
    <message>
        <source>The courier sheet was not saved. {0}</source>
        <translation>택배 접수 파일을 저장하지 못했어요. {0}</translation>
    </message>
    <message>
        <source>Export orders</source>
        <translation>주문 내보내기</translation>
    </message>
    <message>
        <source>orders-{0}-{1}.xlsx</source>
        <translation>주문-{0}-{1}.xlsx</translation>
    </message>
    <message>
        <source>Orders file saved: {0}, {1}.</source>
        <translation>주문 파일을 저장했어요: {0}, {1}.</translation>
    </message>
    <message>
        <source>No orders were placed in those days: the file holds only the column headings.</source>
        <translation>그&#xa0;기간에 들어온 주문이 없어요. 파일에는 항목 이름만 들어 있어요.</translation>
    </message>
    <message>
        <source>The orders file was not saved. {0}</source>
        <translation>주문 파일을 저장하지 못했어요. {0}</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv *.txt)</source>
        <translation>스프레드시트 (*.xlsx *.xls *.csv *.txt)</translation>
    </message>
    <message>
        <source>1 order in this file has no courier. Which courier is its tracking number from?</source>
        <translation>이&#xa0;파일의 주문 1건에 택배사가 없어요. 어느 택배사의 송장번호인가요?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) in this file have no courier. Which courier are their tracking numbers from?</source>
        <translation>
            <numerusform>이&#xa0;파일의 주문 %Ln건에 택배사가 없어요. 어느 택배사의 송장번호인가요?</numerusform>
        </translation>
    </message>
    <message>
        <source>Tracking file not applied: nothing changed.</source>
        <translation>송장 파일을 적용하지 않았어요. 바뀐 것은 없어요.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln tracking number(s) replaced.</source>
        <translation>
            <numerusform>송장번호 %Ln건을 바꿨어요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ticked row(s) were not applied: their orders changed meanwhile.</source>
        <translation>
            <numerusform>체크한 %Ln줄은 적용하지 않았어요. 그사이 주문이 바뀌었어요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tracking numbers sent to %Ln customer(s).</source>
        <translation>
            <numerusform>고객 %Ln명에게 송장번호를 보냈어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers not told.</source>
        <translation>고객에게는 알리지 않았어요.</translation>
    </message>
    <message>
        <source>&amp;Open order</source>
        <translation>주문 열기(&amp;O)</translation>
    </message>
    <message>
        <source>Open &amp;chat</source>
        <translation>채팅 열기(&amp;C)</translation>
    </message>
    <message>
        <source>R&amp;eturn or exchange…</source>
        <translation>반품·교환(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln paid order(s) saved to the courier sheet.</source>
        <translation>
            <numerusform>결제 완료 주문 %Ln건을 택배 접수 파일로 저장했어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>보드(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>표(&amp;T)</translation>
    </message>
    <message>
        <source>Courier &amp;sheet…</source>
        <translation>택배 접수 파일(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export orders…</source>
        <translation>주문 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Match bank &amp;deposits…</source>
        <translation>입금 확인(&amp;D)…</translation>
    </message>
    <message>
        <source>Tracking &amp;numbers…</source>
        <translation>송장번호 일괄 등록(&amp;N)…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln줄</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the courier&apos;s file</source>
        <translation>택배사 파일 열기</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>택배사</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) marked shipped.</source>
        <translation>
            <numerusform>주문 %Ln건을 배송 중으로 바꿨어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>+%Ln more</source>
        <translation>외 %Ln개</translation>
    </message>
</context>
<context>
    <name>OrderCardDelegate</name>
    <message>
        <source>Payment overdue</source>
        <translation>입금 기한 지남</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>기한&#xa0;지남</translation>
    </message>
    <message>
        <source>Pay within {0}</source>
        <translation>입금 기한 {0} 남음</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>{0} 남음</translation>
    </message>
</context>
<context>
    <name>OrderExportDialog</name>
    <message>
        <source>Export orders</source>
        <translation>주문 내보내기</translation>
    </message>
    <message>
        <source>From</source>
        <translation>시작일</translation>
    </message>
    <message>
        <source>To</source>
        <translation>종료일</translation>
    </message>
    <message>
        <source>Orders placed on these days, one row per order line:</source>
        <translation>이&#xa0;기간에 들어온 주문을 상품 한&#xa0;줄에 한&#xa0;행씩 저장해요:</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>시작일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>종료일(&amp;T)</translation>
    </message>
</context>
<context>
    <name>OrderFields</name>
    <message>
        <source>name</source>
        <translation>고객 이름</translation>
    </message>
    <message>
        <source>number</source>
        <translation>주문 번호</translation>
    </message>
    <message>
        <source>items</source>
        <translation>주문 상품</translation>
    </message>
    <message>
        <source>total</source>
        <translation>주문 금액</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>입금 계좌</translation>
    </message>
    <message>
        <source>depositor</source>
        <translation>입금자명</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>입금 기한</translation>
    </message>
    <message>
        <source>courier</source>
        <translation>택배사</translation>
    </message>
    <message>
        <source>tracking</source>
        <translation>송장번호</translation>
    </message>
    <message>
        <source>tracking_url</source>
        <translation>배송 조회 링크</translation>
    </message>
</context>
<context>
    <name>OrderSettingsDialog</name>
    <message>
        <source>Order settings</source>
        <translation>주문 설정</translation>
    </message>
    <message>
        <source> days</source>
        <translation>일</translation>
    </message>
    <message>
        <source>Shipping &amp;fee</source>
        <translation>배송비(&amp;F)</translation>
    </message>
    <message>
        <source>Outside the 24-hour window only the chosen approved template can go; a template Meta files as marketing is paid and counts toward your messaging limit. A message you have not changed goes in English to a customer who writes in letters other than Korean (and in Korean to one who writes Korean); one you change goes as you wrote it, or as you wrote it in another language to a customer who writes in that one.</source>
        <translation>최근 24시간 안에 고객의 메시지가 없으면(한&#xa0;번도 보낸 적 없는 고객 포함) 선택한 승인 템플릿으로만 보낼 수 있고, Meta가 마케팅으로 분류한 템플릿은 요금이 부과되고 메시지 발송 한도에 포함돼요. 처음 그대로의 메시지는 한국어가 아닌 문자로 쓰는 고객에게는 영어로(한국어로 쓰는 고객에게는 한국어로) 가고, 직접 바꾼 메시지는 쓴 그대로, 다른 언어로도 써 두었다면 그&#xa0;언어로 쓰는 고객에게는 그&#xa0;글로 가요.</translation>
    </message>
    <message>
        <source>Optional. Sent instead to a customer who writes in another language than the message above, e.g. the same words in Korean.</source>
        <translation>선택 사항이에요. 위 메시지와 다른 언어로 쓰는 고객에게는 이&#xa0;글이 대신 가요. 예: 같은 내용을 영어로.</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>메시지(&amp;M)</translation>
    </message>
    <message>
        <source>In another &amp;language</source>
        <translation>다른&#xa0;언어로(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Template outside the window</source>
        <translation>24시간이 지난 고객에게 보낼 템플릿(&amp;T)</translation>
    </message>
    <message>
        <source>… for a paid order (re&amp;fund)</source>
        <translation>… 결제한 주문이면 환불 안내(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Remote-area surcharge</source>
        <translation>도서산간 추가 배송비(&amp;R)</translation>
    </message>
    <message>
        <source>Free shipping fro&amp;m (0: never)</source>
        <translation>무료 배송 기준 금액(&amp;M) (0: 없음)</translation>
    </message>
    <message>
        <source>e.g. your bank, account number or IBAN, and the account holder</source>
        <translation>예: 은행 이름, 계좌 번호 또는 IBAN, 예금주</translation>
    </message>
    <message>
        <source> day</source>
        <translation>일</translation>
    </message>
    <message>
        <source>e.g. KB Kookmin 123-45-678901 (Seoul Linen House)</source>
        <translation>예: 국민은행 123-45-678901 (서울리넨하우스)</translation>
    </message>
    <message>
        <source>Payment &amp;deadline</source>
        <translation>입금 기한(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Bank account</source>
        <translation>입금 계좌(&amp;B)</translation>
    </message>
    <message>
        <source>Sent once when one bank transfer paid several orders of a customer: {number} is every order number, {total} what they sent. Outside the 24-hour window it needs an approved template with three values: {{1}} the name, {{2}} the order numbers, {{3}} the total. With none chosen, the Paid template goes if it has those three.</source>
        <translation>한&#xa0;고객의 주문 여러 건이 한&#xa0;번의 입금으로 결제되었을 때 한&#xa0;번만 보내요. {number}에는 주문번호가 모두, {total}에는 고객이 보낸 금액이 들어가요. 최근 24시간 안에 고객의 메시지가 없으면 값이 세&#xa0;개인 승인된 템플릿이 필요해요: {{1}} 이름, {{2}} 주문번호, {{3}} 합계. 고르지 않으면 결제 완료 템플릿에 이&#xa0;세&#xa0;값이 있을 때 그&#xa0;템플릿으로 보내요.</translation>
    </message>
    <message>
        <source>Inside the 24-hour window the cancel of a paid order says the money comes back and asks where to. Outside it only a template can go: this one, with {{1}} the name, {{2}} the order number and {{3}} the amount to refund, goes instead of the one above. With none chosen, the customer is not told of the refund, and you are warned before you cancel.</source>
        <translation>고객이 최근 24시간 안에 메시지를 보냈으면 결제한 주문을 취소할 때 환불해 드린다는 말과 환불받을 계좌를 묻는 말이 함께 가요. 그렇지 않으면 템플릿만 보낼 수 있어서, 위의 템플릿 대신 이&#xa0;템플릿이 가요. {{1}}은 이름, {{2}}는 주문번호, {{3}}은 환불할 금액이에요. 선택하지 않으면 고객에게 환불 안내가 가지 않고, 취소하기 전에 알려 드려요.</translation>
    </message>
    <message>
        <source>Outside the 24-hour window a return that refunds part of an order goes as the template above, with {{1}} the name, {{2}} the order number and {{3}} the amount this return refunds. A return of the whole order goes as the Cancelled tab&apos;s refund template when one is chosen. An exchange has no template: tell the customer by phone, or once they write again.</source>
        <translation>고객의 마지막 메시지 후 24시간이 지나면 주문의 일부를 환불하는 반품은 위의 템플릿으로 가요. {{1}}은 이름, {{2}}는 주문번호, {{3}}은 이번 반품으로 환불할 금액이에요. 주문 전체 반품은 취소 탭의 환불 템플릿을 선택해 두었으면 그&#xa0;템플릿으로 가요. 교환에는 템플릿이 없으니 전화로 알리거나 고객이 다시 메시지를 보내면 알려 주세요.</translation>
    </message>
    <message>
        <source>Shipping and &amp;payment</source>
        <translation>배송 및 결제(&amp;P)</translation>
    </message>
    <message>
        <source>Messa&amp;ges</source>
        <translation>메시지(&amp;G)</translation>
    </message>
    <message>
        <source>A customer reads, for a sample order:
{0}</source>
        <translation>예시 주문이라면 고객에게 이렇게 보여요:
{0}</translation>
    </message>
    <message>
        <source>Each customer gets the version in the language they write, and anyone else the {0} one. For a sample order:
{1}</source>
        <translation>고객마다 자신이 쓰는 언어의 버전을 받고, 그&#xa0;밖의 고객은 {0} 버전을 받아요. 예시 주문이라면 이렇게 보여요:
{1}</translation>
    </message>
    <message>
        <source>Payment reminder</source>
        <translation>입금 안내(리마인더)</translation>
    </message>
    <message>
        <source>Paid, several orders</source>
        <translation>결제 완료(여러 주문)</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>반품</translation>
    </message>
    <message>
        <source>Surcharge: &amp;Highlands &amp;&amp; Islands</source>
        <translation>추가 배송비: 스코틀랜드 하일랜드·섬(&amp;H)</translation>
    </message>
    <message>
        <source>Surcharge: &amp;Northern Ireland</source>
        <translation>추가 배송비: 북아일랜드(&amp;N)</translation>
    </message>
    <message>
        <source>Surcharge: &amp;Offshore islands</source>
        <translation>추가 배송비: 영국 본토 밖 섬(&amp;O)</translation>
    </message>
    <message>
        <source>Surcharge: &amp;Alaska &amp;&amp; Hawaii</source>
        <translation>추가 배송비: 알래스카·하와이(&amp;A)</translation>
    </message>
    <message>
        <source>Surcharge: US &amp;territories</source>
        <translation>추가 배송비: 미국 해외 영토(&amp;T)</translation>
    </message>
    <message>
        <source>Surcharge: {0}</source>
        <translation>추가 배송비: {0}</translation>
    </message>
    <message>
        <source>These amounts were set in {0}, before your shop&apos;s currency became {1}, and stay in {0}: orders in {1} are charged none of them. Type the amounts in {1} and save to charge them on orders in {1}.</source>
        <translation>이&#xa0;금액은 가게 통화가 {1}(으)로 바뀌기 전에 {0} 기준으로 정한 금액이라 {0} 주문에만 청구되고 {1} 주문에는 청구되지 않아요. {1} 주문에도 청구하려면 금액을 {1} 기준으로 입력하고 저장하세요.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Save the changes to the order settings?</source>
        <translation>주문 설정 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <source>The amounts are now in {0}: type each one (an empty one is not charged).</source>
        <translation>이제 금액은 {0} 기준이에요. 금액을 하나씩 입력해 주세요(비워 둔 금액은 청구되지 않아요).</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>Order</source>
        <translation>주문번호</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>주문일</translation>
    </message>
    <message>
        <source>Pay by</source>
        <translation>입금 기한</translation>
    </message>
</context>
<context>
    <name>OrderText</name>
    <message>
        <source>Your bank account is not set in Shop ▸ Order settings, so this message does not say where to transfer the money.</source>
        <translation>상점&#xa0;▸&#xa0;주문&#xa0;설정에 입금 계좌가 없어서 이&#xa0;메시지에는 어디로 입금할지가 빠져 있어요.</translation>
    </message>
    <message>
        <source>Goes from your number {0}.</source>
        <translation>매장 번호 {0}에서 보내요.</translation>
    </message>
    <message>
        <source>The template needs {0}, which this order does not have, and WhatsApp refuses a template with an empty value: add it to the order, or tell the customer by phone (copy the text below).</source>
        <translation>템플릿에 {0}이(가) 필요한데 이&#xa0;주문에는 없어요. WhatsApp은 빈 값이 있는 템플릿을 받지 않으니 주문에 입력하거나, 고객에게 전화로 알려 주세요(아래 글을 복사하세요).</translation>
    </message>
    <message>
        <source>The customer will not be told that the {0} she paid comes back: she has not written to you on WhatsApp yet, so WhatsApp lets only an approved template through, and none is chosen for the refund. Choose one in Shop ▸ Order settings (Cancelled tab), or call her, or tell her when she writes.</source>
        <translation>고객은 입금한 {0}을(를) 환불받는다는 안내를 받지 못해요. 고객이 아직 WhatsApp으로 메시지를 보낸 적이 없어서 WhatsApp은 승인된 템플릿만 보내 주는데, 환불 안내용 템플릿이 선택되어 있지 않아요. 상점&#xa0;▸&#xa0;주문&#xa0;설정(취소 탭)에서 템플릿을 선택하거나, 고객에게 전화하거나, 고객이 메시지를 보내면 알려 주세요.</translation>
    </message>
    <message>
        <source>The customer will not be told that the {0} she paid comes back: she last wrote more than 24 hours ago, so WhatsApp lets only an approved template through, and none is chosen for the refund. Choose one in Shop ▸ Order settings (Cancelled tab), or call her, or tell her when she next writes.</source>
        <translation>고객은 입금한 {0}을(를) 환불받는다는 안내를 받지 못해요. 고객의 마지막 메시지 후 24시간이 지나서 WhatsApp은 승인된 템플릿만 보내 주는데, 환불 안내용 템플릿이 선택되어 있지 않아요. 상점&#xa0;▸&#xa0;주문&#xa0;설정(취소 탭)에서 템플릿을 선택하거나, 고객에게 전화하거나, 고객이 다시 메시지를 보낼 때 알려 주세요.</translation>
    </message>
    <message>
        <source>no address or postcode</source>
        <translation>주소·우편번호 없음</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>주소 없음</translation>
    </message>
    <message>
        <source>no postcode</source>
        <translation>우편번호 없음</translation>
    </message>
    <message>
        <source>{number} · {customer}: {missing}</source>
        <translation>{number} · {customer}: {missing}</translation>
    </message>
    <message>
        <source>A done order cannot be cancelled: record a return instead.</source>
        <translation>완료된 주문은 취소할 수 없어요. 대신 반품을 기록해 주세요.</translation>
    </message>
    <message>
        <source>A cancelled order cannot be marked done.</source>
        <translation>취소된 주문은 완료로 표시할 수 없어요.</translation>
    </message>
    <message>
        <source>An order in “{0}” cannot go to “{1}”; it can go to: {2}.</source>
        <translation>“{0}” 주문은 “{1}”(으)로 옮길 수 없어요. 옮길 수 있는 단계: {2}.</translation>
    </message>
    <message>
        <source>{0} · left to pay {1}</source>
        <translation>{0} · 남은 결제 금액 {1}</translation>
    </message>
    <message>
        <source>{0} · {1} left</source>
        <translation>{0} · {1} 남음</translation>
    </message>
    <message>
        <source>Left to pay {0}</source>
        <translation>남은 결제 금액 {0}</translation>
    </message>
    <message>
        <source>{0} due</source>
        <translation>잔금 {0}</translation>
    </message>
    <message>
        <source>{0} · refunded in full</source>
        <translation>{0} · 전액 환불</translation>
    </message>
    <message>
        <source>{0} refunded</source>
        <translation>{0} 환불</translation>
    </message>
    <message>
        <source>{0} · {1} refunded</source>
        <translation>{0} · {1} 환불</translation>
    </message>
</context>
<context>
    <name>OrderTypedEdits</name>
    <message>
        <source>Save the changes to order {0} before exporting? The file holds only what is saved; without saving, your changes stay in its window as typed.</source>
        <translation>내보내기 전에 주문 {0}의 변경 사항을 저장할까요? 파일에는 저장한 내용만 들어가요. 저장하지 않아도 입력한 내용은 주문 창에 그대로 남아 있어요.</translation>
    </message>
    <message>
        <source>E&amp;xport without saving</source>
        <translation>저장하지 않고 내보내기(&amp;X)</translation>
    </message>
</context>
<context>
    <name>OrderWindow</name>
    <message>
        <source>Ask for payment</source>
        <translation>입금 요청</translation>
    </message>
    <message>
        <source>Mark paid</source>
        <translation>결제 완료로 표시</translation>
    </message>
    <message>
        <source>Mark shipped</source>
        <translation>배송 시작으로 표시</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>완료로 표시</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>주문 취소</translation>
    </message>
    <message>
        <source>Back to new</source>
        <translation>신규로 되돌리기</translation>
    </message>
    <message>
        <source>{0}: order received</source>
        <translation>{0}: 주문 접수</translation>
    </message>
    <message>
        <source>{0}: cancelled, the payment deadline passed</source>
        <translation>{0}: 입금 기한이 지나 취소됨</translation>
    </message>
    <message>
        <source>{0}: payment reminder prepared</source>
        <translation>{0}: 입금 안내 메시지 준비함</translation>
    </message>
    <message>
        <source>{0}: paid by a deposit in the bank file: {1}</source>
        <translation>{0}: 은행 파일의 입금으로 결제 완료: {1}</translation>
    </message>
    <message>
        <source>{0}: {1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>상품 금액</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>배송비</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>할인</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>송장번호</translation>
    </message>
    <message>
        <source>Cash receipt: phone or business number</source>
        <translation>현금영수증: 휴대폰 번호 또는 사업자등록번호</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>메모(&amp;N)</translation>
    </message>
    <message>
        <source>{0}: cancelled, the payment deadline passed (message to the customer not sent)</source>
        <translation>{0}: 입금 기한이 지나 취소됨 (안내 메시지 보내지 않음)</translation>
    </message>
    <message>
        <source>{0}: moved back from {1} to {2}</source>
        <translation>{0}: {1}에서 {2}(으)로 되돌림</translation>
    </message>
    <message>
        <source>(tracking number {0} taken off)</source>
        <translation>(송장번호 {0} 삭제)</translation>
    </message>
    <message>
        <source>(its part of the bank deposit is free; {0} stays paid by it)</source>
        <translation>(입금 내역 중 이&#xa0;주문 몫은 연결이 풀렸어요. {0} 주문은 결제 완료 그대로예요)</translation>
    </message>
    <message>
        <source>(the bank deposit that paid it can be matched again)</source>
        <translation>(이&#xa0;주문을 결제한 입금 내역은 다시 연결할 수 있어요)</translation>
    </message>
    <message>
        <source>(the bank deposits that paid it can be matched again)</source>
        <translation>(이&#xa0;주문을 함께 결제한 입금 내역들은 다시 연결할 수 있어요)</translation>
    </message>
    <message>
        <source>{0}: option of “{1}” set to “{2}”</source>
        <translation>{0}: “{1}” 옵션을 “{2}”(으)로 정함</translation>
    </message>
    <message>
        <source>{0}: option “{2}” of “{1}” taken off</source>
        <translation>{0}: “{1}”의 옵션 “{2}”을(를) 지움</translation>
    </message>
    <message>
        <source>{0}: option of “{1}” changed from “{2}” to “{3}”</source>
        <translation>{0}: “{1}” 옵션을 “{2}”에서 “{3}”(으)로 바꿈</translation>
    </message>
    <message>
        <source>{0}: the returned goods arrived and are back in stock</source>
        <translation>{0}: 반품 상품이 도착해서 재고로 돌아갔어요</translation>
    </message>
    <message>
        <source>{0}: exchange for order {1}; {2} of it paid by the returned goods</source>
        <translation>{0}: 주문 {1}의 교환 주문 (반품 상품으로 {2} 결제)</translation>
    </message>
    <message>
        <source>{0}: exchange order {1} paid after all: the {2} carried to it is not refunded</source>
        <translation>{0}: 교환 주문 {1}이(가) 결국 결제되어 그&#xa0;주문으로 넘긴 {2}은(는) 환불하지 않음</translation>
    </message>
    <message>
        <source>{0}: paid after all: the {2} that order {1} paid counts here again, not refunded</source>
        <translation>{0}: 결국 결제됨: 주문 {1}에서 결제한 {2}은(는) 다시 이&#xa0;주문의 금액으로, 환불하지 않음</translation>
    </message>
    <message>
        <source>{0}: exchange order {1} cancelled: the {2} carried to it is refunded</source>
        <translation>{0}: 교환 주문 {1}이(가) 취소되어 그&#xa0;주문으로 넘긴 {2}을(를) 환불함</translation>
    </message>
    <message>
        <source>{0}: refund {2} that order {1} paid and the exchange carried here</source>
        <translation>{0}: 주문 {1}에서 결제하고 교환으로 넘어온 {2} 환불</translation>
    </message>
    <message>
        <source>{0}: tracking number {1} replaced by {2} from the courier&apos;s file</source>
        <translation>{0}: 택배사 파일로 송장번호 {1}을(를) {2}(으)로 바꿈</translation>
    </message>
    <message>
        <source>{0}: order {1}, paid together with this one by one bank deposit, was moved back: its share of {2} is free again; this order stays paid</source>
        <translation>{0}: 이&#xa0;주문과 입금 1건으로 함께 결제한 {1} 주문이 되돌려져, 그&#xa0;주문 몫 {2}의 연결이 풀렸어요. 이&#xa0;주문은 결제 완료 그대로예요</translation>
    </message>
    <message>
        <source>{0}: the freed {1} of the bank deposit restored order {2} as paid; this order stays paid</source>
        <translation>{0}: 연결이 풀렸던 입금 {1}(으)로 {2} 주문을 결제 완료로 되살렸어요. 이&#xa0;주문은 결제 완료 그대로예요</translation>
    </message>
    <message>
        <source>{0}: the freed {1} of the bank deposit is left to be refunded on order {2}; this order stays paid</source>
        <translation>{0}: 연결이 풀렸던 입금 {1}은(는) {2} 주문에서 환불할 금액으로 뒀어요. 이&#xa0;주문은 결제 완료 그대로예요</translation>
    </message>
    <message>
        <source>{0}: the freed {1} of the bank deposit now pays order {2}; this order stays paid</source>
        <translation>{0}: 연결이 풀렸던 입금 {1}은(는) 이제 {2} 주문 결제에 쓰여요. 이&#xa0;주문은 결제 완료 그대로예요</translation>
    </message>
    <message>
        <source>{0}: a deposit came after the order was cancelled, left to be refunded: {1}</source>
        <translation>{0}: 주문 취소 뒤에 들어온 입금, 환불할 입금으로 둠: {1}</translation>
    </message>
    <message>
        <source>{0}: paid by %Ln deposits together: {1}</source>
        <translation>{0}: 은행 파일의 입금 %Ln건을 합쳐 결제 완료: {1}</translation>
    </message>
    <message>
        <source>{0}: paid by {1} of a deposit in the bank file: {2}</source>
        <translation>{0}: 은행 파일의 입금 중 {1}(으)로 결제 완료: {2}</translation>
    </message>
    <message>
        <source>(one deposit for orders {0})</source>
        <translation>(입금 1건으로 함께 결제한 주문: {0})</translation>
    </message>
    <message>
        <source>(restored after the payment deadline, with the deposit&apos;s free part)</source>
        <translation>(입금 기한이 지나 취소된 주문을 입금의 남은 금액으로 되살림)</translation>
    </message>
    <message>
        <source>(restored: the deposit came after the payment deadline)</source>
        <translation>(입금 기한 뒤에 들어온 입금으로 주문을 되살림)</translation>
    </message>
    <message>
        <source>(moved back later)</source>
        <translation>(나중에 되돌림)</translation>
    </message>
    <message>
        <source>“{0}” ×{1}</source>
        <translation>“{0}” {1}개</translation>
    </message>
    <message>
        <source>{0}: exchanged: {1}, sent instead as order {2}</source>
        <translation>{0}: 교환: {1}, 새&#xa0;주문 {2}(으)로 보냄</translation>
    </message>
    <message>
        <source>{0}: returned: {1}</source>
        <translation>{0}: 반품: {1}</translation>
    </message>
    <message>
        <source>refund {0}</source>
        <translation>환불 {0}</translation>
    </message>
    <message>
        <source>{0} to pay on the new order</source>
        <translation>새&#xa0;주문에서 받을 금액 {0}</translation>
    </message>
    <message>
        <source>goods back in stock</source>
        <translation>상품이 돌아와 재고에 넣음</translation>
    </message>
    <message>
        <source>goods not back yet</source>
        <translation>상품이 아직 돌아오지 않음</translation>
    </message>
    <message>
        <source>“{0}” ×{1} added</source>
        <translation>“{0}” {1}개 추가</translation>
    </message>
    <message>
        <source>“{0}” taken out</source>
        <translation>“{0}” 제거</translation>
    </message>
    <message>
        <source>option of “{0}” {1} → {2}</source>
        <translation>“{0}” 옵션 {1} → {2}</translation>
    </message>
    <message>
        <source>“{0}” ×{1} → ×{2}</source>
        <translation>“{0}” {1}개 → {2}개</translation>
    </message>
    <message>
        <source>price of “{0}” {1} → {2}</source>
        <translation>“{0}” 단가 {1} → {2}</translation>
    </message>
    <message>
        <source>shipping {0} → {1}</source>
        <translation>배송비 {0} → {1}</translation>
    </message>
    <message>
        <source>remote-area fee {0} → {1}</source>
        <translation>도서산간 추가 배송비 {0} → {1}</translation>
    </message>
    <message>
        <source>discount {0} → {1}</source>
        <translation>할인 {0} → {1}</translation>
    </message>
    <message>
        <source>surcharge {0} → {1}</source>
        <translation>추가 배송비 {0} → {1}</translation>
    </message>
    <message>
        <source>{0}: items or charges changed: {1}</source>
        <translation>{0}: 상품·금액 변경: {1}</translation>
    </message>
    <message>
        <source>total {0} → {1}</source>
        <translation>합계 {0} → {1}</translation>
    </message>
    <message>
        <source>(customer told)</source>
        <translation>(고객에게 알림)</translation>
    </message>
    <message>
        <source>(you chose not to send the customer the message)</source>
        <translation>(안내 메시지를 보내지 않기로 선택함)</translation>
    </message>
    <message>
        <source>no phone number in this inbox</source>
        <translation>고객 전화번호가 없음</translation>
    </message>
    <message>
        <source>no message from them in the last 24 hours, and no template for this step</source>
        <translation>최근 24시간 동안 고객의 메시지가 없고 이&#xa0;단계의 템플릿이 없음</translation>
    </message>
    <message>
        <source>no message from them in the last 24 hours, and no template can name all the orders one transfer paid and the total</source>
        <translation>최근 24시간 동안 고객의 메시지가 없고 한&#xa0;번의 입금으로 결제된 주문 전부와 합계를 담을 템플릿이 없음</translation>
    </message>
    <message>
        <source>({0} of it)</source>
        <translation>(그중 {0})</translation>
    </message>
    <message>
        <source>the template needs your bank account</source>
        <translation>템플릿에 필요한 입금 계좌가 설정되지 않음</translation>
    </message>
    <message>
        <source>{0}: {1} → {2}, closed by the exchange to order {3}</source>
        <translation>{0}: {1} → {2}, 주문 {3}(으)로 교환되어 마무리됨</translation>
    </message>
    <message>
        <source>{0}: {1} → {2}, every piece returned</source>
        <translation>{0}: {1} → {2}, 모든 상품이 반품됨</translation>
    </message>
    <message>
        <source>{0}: {1} → {2}, closed by the return</source>
        <translation>{0}: {1} → {2}, 반품으로 마무리됨</translation>
    </message>
    <message>
        <source>{0}: {1} of a deposit, free since the order was moved back, left to be refunded: {2} (the rest of it pays {3})</source>
        <translation>{0}: 주문을 되돌린 뒤 남은 입금 중 {1}, 환불할 금액으로 둠: {2} (나머지는 {3} 주문 결제분)</translation>
    </message>
    <message>
        <source>the template chosen for this step has more values than the step fills</source>
        <translation>이&#xa0;단계에 지정된 템플릿의 값 자리가 이&#xa0;단계에서 채우는 값보다 많음</translation>
    </message>
    <message>
        <source>the template names something this order does not have, such as a tracking number</source>
        <translation>템플릿에 들어갈 송장번호 같은 값이 이&#xa0;주문에 없음</translation>
    </message>
    <message>
        <source>no relay is set up</source>
        <translation>릴레이가 설정되지 않음</translation>
    </message>
    <message>
        <source>(the message could not be sent: {0})</source>
        <translation>(안내 메시지를 보낼 수 없었음: {0})</translation>
    </message>
    <message>
        <source>(the message could not be sent)</source>
        <translation>(안내 메시지를 보낼 수 없었음)</translation>
    </message>
    <message>
        <source>(message to the customer not sent)</source>
        <translation>(안내 메시지가 나가지 않음)</translation>
    </message>
    <message>
        <source>Mark &amp;paid</source>
        <translation>결제 완료로 표시(&amp;P)</translation>
    </message>
    <message>
        <source>Mark &amp;shipped</source>
        <translation>배송 시작으로 표시(&amp;S)</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>완료로 표시(&amp;D)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel order</source>
        <translation>주문 취소(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Back to new</source>
        <translation>신규로 되돌리기(&amp;B)</translation>
    </message>
    <message>
        <source>Ask &amp;for payment</source>
        <translation>입금 요청(&amp;F)</translation>
    </message>
    <message>
        <source>Cance&amp;l order</source>
        <translation>주문 취소(&amp;L)</translation>
    </message>
    <message>
        <source>Mark as awaiting payment &amp;without sending</source>
        <translation>메시지 없이 입금 대기로 표시(&amp;W)</translation>
    </message>
    <message>
        <source>Mark paid &amp;without sending</source>
        <translation>메시지 없이 결제 완료로 표시(&amp;W)</translation>
    </message>
    <message>
        <source>Mark shipped &amp;without sending</source>
        <translation>메시지 없이 배송 시작으로 표시(&amp;W)</translation>
    </message>
    <message>
        <source>Mark done &amp;without sending</source>
        <translation>메시지 없이 완료로 표시(&amp;W)</translation>
    </message>
    <message>
        <source>Cancel order &amp;without sending</source>
        <translation>메시지 없이 주문 취소(&amp;W)</translation>
    </message>
    <message>
        <source>Move &amp;without sending</source>
        <translation>메시지 없이 상태 변경(&amp;W)</translation>
    </message>
    <message>
        <source>Cancel order {0}? It can be moved back for {1} days.</source>
        <translation>주문 {0}을(를) 취소할까요? {1}일 동안은 되돌릴 수 있어요.</translation>
    </message>
    <message>
        <source>Cancel this order? It can be moved back for {0} days.</source>
        <translation>이&#xa0;주문을 취소할까요? {0}일 동안은 되돌릴 수 있어요.</translation>
    </message>
    <message>
        <source>The customer paid {0} for it: transfer it back to her yourself.</source>
        <translation>입금받은 {0}은(는) 고객에게 직접 이체해서 환불해 주세요.</translation>
    </message>
    <message>
        <source>(It includes what she paid for order {0} that the exchange carried here.)</source>
        <translation>(주문 {0}에서 결제하고 교환으로 이&#xa0;주문에 넘어온 금액도 포함돼요.)</translation>
    </message>
    <message>
        <source>&amp;Keep order</source>
        <translation>주문 유지(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>그래도 저장(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close without sending</source>
        <translation>보내지 않고 닫기(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Back to the message</source>
        <translation>메시지로 돌아가기(&amp;B)</translation>
    </message>
    <message>
        <source>Order {0} has no address or postcode.</source>
        <translation>주문 {0}에 주소와 우편번호가 없어요.</translation>
    </message>
    <message>
        <source>Order {0} has no address.</source>
        <translation>주문 {0}에 주소가 없어요.</translation>
    </message>
    <message>
        <source>Order {0} has no postcode.</source>
        <translation>주문 {0}에 우편번호가 없어요.</translation>
    </message>
    <message>
        <source>A courier cannot deliver a parcel without it.</source>
        <translation>택배사는 이&#xa0;정보 없이 배송할 수 없어요.</translation>
    </message>
    <message>
        <source>Mark it shipped anyway?</source>
        <translation>그래도 배송 시작으로 표시할까요?</translation>
    </message>
    <message>
        <source>{number} is a number Excel changed into a short form: its last digits are lost. Copy the tracking number from the courier&apos;s original file.

Save it anyway?</source>
        <translation>{number}은(는) 엑셀이 줄여 쓴 숫자라 뒷자리가 사라졌어요. 택배사 원본 파일에서 운송장번호를 복사해 주세요.

그래도 저장할까요?</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} 또는 {1}</translation>
    </message>
    <message>
        <source>{courier} tracking numbers have {digits} digits. Please check the number you typed ({number}).

Save it anyway?</source>
        <translation>{courier} 송장번호는 숫자 {digits}자리예요. 입력한 번호({number})가 맞는지 확인해 주세요.

그래도 저장할까요?</translation>
    </message>
    <message>
        <source>For you: the customer does not see it</source>
        <translation>나만 보는 메모예요. 고객에게는 보이지 않아요</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Type the courier and the tracking number, then click “{0}”.</source>
        <translation>택배사와 송장번호를 입력한 뒤 “{0}” 버튼을 누르세요.</translation>
    </message>
    <message>
        <source>Message to the customer</source>
        <translation>고객에게 보낼 메시지</translation>
    </message>
    <message>
        <source>History</source>
        <translation>진행 기록</translation>
    </message>
    <message>
        <source>Order {0}</source>
        <translation>주문 {0}</translation>
    </message>
    <message>
        <source>Order {0} · {1}</source>
        <translation>주문 {0} · {1}</translation>
    </message>
    <message>
        <source>{0} · ordered {1}</source>
        <translation>{0} · {1} 주문</translation>
    </message>
    <message>
        <source>Pay by {0}</source>
        <translation>입금 기한 {0}</translation>
    </message>
    <message>
        <source>{0} tracking {1}</source>
        <translation>{0} 송장번호 {1}</translation>
    </message>
    <message>
        <source>Customer&apos;s note: {0}</source>
        <translation>고객 요청사항: {0}</translation>
    </message>
    <message>
        <source>&amp;Change items…</source>
        <translation>상품 변경(&amp;C)…</translation>
    </message>
    <message>
        <source>Payment &amp;reminder…</source>
        <translation>입금 안내 보내기(&amp;R)…</translation>
    </message>
    <message>
        <source>Items, quantities, shipping and discount, until the order is paid</source>
        <translation>주문이 결제 완료되기 전까지 상품, 수량, 배송비, 할인을 바꿀 수 있어요</translation>
    </message>
    <message>
        <source>Left to pay</source>
        <translation>남은 결제 금액</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>환불</translation>
    </message>
    <message>
        <source>Name on the transfer</source>
        <translation>입금자명</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>입금 참조</translation>
    </message>
    <message>
        <source>Pa&amp;yment</source>
        <translation>결제(&amp;Y)</translation>
    </message>
    <message>
        <source>{0} + {1} {2}</source>
        <translation>{0} + {1} {2}</translation>
    </message>
    <message>
        <source>Paid on order {0}</source>
        <translation>원래 주문 {0}에서 옮긴 결제</translation>
    </message>
    <message>
        <source>Name on the transfer: {0}</source>
        <translation>입금자명: {0}</translation>
    </message>
    <message>
        <source>Payment reference: {0}</source>
        <translation>입금 참조: {0}</translation>
    </message>
    <message>
        <source>R&amp;eturn or exchange…</source>
        <translation>반품·교환(&amp;E)…</translation>
    </message>
    <message>
        <source>The customer sends goods back: refund them, or send other goods</source>
        <translation>고객이 상품을 돌려보낼 때: 환불하거나 다른 상품을 보내요</translation>
    </message>
    <message>
        <source>Returned goods &amp;arrived</source>
        <translation>반품 상품 도착(&amp;A)</translation>
    </message>
    <message>
        <source>The returned goods are back in the shop: they go back into stock</source>
        <translation>반품 상품이 가게에 도착했어요. 재고로 다시 넣어요</translation>
    </message>
    <message>
        <source>Save the changes to this order&apos;s address, payment details, tracking number and note?</source>
        <translation>이&#xa0;주문의 배송지, 결제 정보, 송장번호, 메모 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <source>The message to {0} has not been sent. Close without sending it?</source>
        <translation>{0}에게 보낼 메시지를 아직 보내지 않았어요. 보내지 않고 닫을까요?</translation>
    </message>
    <message>
        <source>The message to the customer has not been sent. Close without sending it?</source>
        <translation>고객에게 보낼 메시지를 아직 보내지 않았어요. 보내지 않고 닫을까요?</translation>
    </message>
    <message>
        <source>Message not sent</source>
        <translation>보내지 않은 메시지</translation>
    </message>
    <message>
        <source>The total changed from {0} to {1}, and the customer was asked to pay {0}. Send them the new amount?</source>
        <translation>합계가 {0}에서 {1}(으)로 바뀌었어요. 고객에게는 {0}을(를) 입금해 달라고 안내했어요. 바뀐 금액을 보낼까요?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Nothing has changed yet: the order keeps its status.</source>
        <translation>아직 바뀐 건 없어요. 주문 상태는 그대로예요.</translation>
    </message>
    <message>
        <source>The customer wrote to your number {0} within 24 hours (not to this chat&apos;s number): this goes from it as a normal message. Edit it as you like.</source>
        <translation>고객이 24시간 안에 이&#xa0;채팅의 번호가 아닌 매장 번호 {0}(으)로 메시지를 보냈으니, 그&#xa0;번호에서 일반 메시지로 보내요. 자유롭게 고쳐 쓰세요.</translation>
    </message>
    <message>
        <source>The customer wrote within 24 hours: this goes as a normal message. Edit it as you like.</source>
        <translation>고객이 24시간 안에 메시지를 보냈으니 일반 메시지로 보내요. 자유롭게 고쳐 쓰세요.</translation>
    </message>
    <message>
        <source>More than 24 hours since the customer wrote, so WhatsApp takes only an approved template, and an exchange has none. The exchange is recorded: tell the customer by phone (copy the text below), or send it once they write again.</source>
        <translation>고객의 마지막 메시지 후 24시간이 지나서 WhatsApp에서는 승인된 템플릿만 보낼 수 있는데, 교환에는 템플릿이 없어요. 교환은 기록되었어요. 아래 글을 복사해 전화로 알리거나, 고객이 다시 메시지를 보내면 보내 주세요.</translation>
    </message>
    <message>
        <source>More than 24 hours since the customer wrote, so WhatsApp takes only an approved template, and none is chosen for a return in Shop ▸ Order settings ▸ Return (it tells of the refund: a return that refunds nothing has none). The return is recorded: tell the customer by phone (copy the text below), or send it once they write again.</source>
        <translation>고객의 마지막 메시지 후 24시간이 지나서 WhatsApp에서는 승인된 템플릿만 보낼 수 있는데, 상점&#xa0;▸&#xa0;주문&#xa0;설정&#xa0;▸&#xa0;반품에서 선택한 반품 템플릿이 없어요(반품 템플릿은 환불 금액을 알리므로, 환불이 없는 반품에는 쓰지 않아요). 반품은 기록되었어요. 아래 글을 복사해 전화로 알리거나, 고객이 다시 메시지를 보내면 보내 주세요.</translation>
    </message>
    <message>
        <source>The customer has not written yet, and the template “{0}” chosen for this step has more values than the step fills, so WhatsApp would refuse it. Choose another in Shop ▸ Order settings.</source>
        <translation>고객이 아직 메시지를 보낸 적이 없는데, 이&#xa0;단계에 지정된 “{0}” 템플릿은 이&#xa0;단계에서 채우는 값보다 값 자리가 많아서 WhatsApp이 받지 않아요. 상점&#xa0;▸&#xa0;주문&#xa0;설정에서 다른 템플릿을 선택하세요.</translation>
    </message>
    <message>
        <source>The customer has not written yet, and no approved template is chosen for this step, so nothing can be sent now. Choose one in Shop ▸ Order settings.</source>
        <translation>고객이 아직 메시지를 보낸 적이 없고 이&#xa0;단계에 지정된 승인 템플릿이 없어서 지금은 보낼 수 없어요. 상점&#xa0;▸&#xa0;주문&#xa0;설정에서 템플릿을 선택하세요.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>The order was moved back to {0}, so this message was not sent. Your text is kept below to copy.</source>
        <translation>주문을 {0}(으)로 되돌려서 이&#xa0;메시지는 보내지 않았어요. 쓰신 내용은 아래에 남겨 두었으니 복사해 쓰세요.</translation>
    </message>
    <message>
        <source>The order was moved back to {0} meanwhile, so this message was not sent. Your text is kept below to copy.</source>
        <translation>그사이 주문이 {0}(으)로 되돌아가서 이&#xa0;메시지는 보내지 않았어요. 쓰신 내용은 아래에 남겨 두었으니 복사해 쓰세요.</translation>
    </message>
    <message>
        <source>The order moved to {0} meanwhile (bank file or another window), so this message was not sent. Your text is kept below to copy.</source>
        <translation>그사이 주문이 {0}(으)로 바뀌어서(은행 파일 또는 다른 창) 이&#xa0;메시지는 보내지 않았어요. 쓰신 내용은 아래에 남겨 두었으니 복사해 쓰세요.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사했어요</translation>
    </message>
    <message>
        <source>Meta files it as {0}, not utility: it is paid and counts toward your messaging limit.</source>
        <translation>Meta가 이&#xa0;템플릿을 유틸리티가 아닌 {0}(으)로 분류했어요. 요금이 부과되고 메시지 발송 한도에 포함돼요.</translation>
    </message>
    <message>
        <source>The customer has not written yet: this goes as the template “{0}” ({1}).</source>
        <translation>고객이 아직 메시지를 보낸 적이 없어서 “{0}” 템플릿({1})으로 보내요.</translation>
    </message>
    <message>
        <source>More than 24 hours since the customer wrote: this goes as the template “{0}” ({1}).</source>
        <translation>고객의 마지막 메시지 후 24시간이 지나서 “{0}” 템플릿({1})으로 보내요.</translation>
    </message>
    <message>
        <source>More than 24 hours since the customer wrote, and the template “{0}” chosen for this step has more values than the step fills, so WhatsApp would refuse it. Choose another in Shop ▸ Order settings.</source>
        <translation>고객의 마지막 메시지 후 24시간이 지났는데, 이&#xa0;단계에 지정된 “{0}” 템플릿은 이&#xa0;단계에서 채우는 값보다 값 자리가 많아서 WhatsApp이 받지 않아요. 상점&#xa0;▸&#xa0;주문&#xa0;설정에서 다른 템플릿을 선택하세요.</translation>
    </message>
    <message>
        <source>More than 24 hours since the customer wrote, and no approved template is chosen for this step, so nothing can be sent now. Choose one in Shop ▸ Order settings.</source>
        <translation>고객의 마지막 메시지 후 24시간이 지났고 이&#xa0;단계에 지정된 승인 템플릿이 없어서 지금은 보낼 수 없어요. 상점&#xa0;▸&#xa0;주문&#xa0;설정에서 템플릿을 선택하세요.</translation>
    </message>
    <message>
        <source>Add it there, or type it in the message.</source>
        <translation>그곳에 계좌를 추가하거나 메시지에 직접 입력하세요.</translation>
    </message>
    <message>
        <source>Send to custo&amp;mer</source>
        <translation>고객에게 보내기(&amp;M)</translation>
    </message>
    <message>
        <source>Don&apos;&amp;t send</source>
        <translation>보내지 않기(&amp;T)</translation>
    </message>
    <message>
        <source>Add p&amp;hone number…</source>
        <translation>전화번호 추가(&amp;H)…</translation>
    </message>
    <message>
        <source>Copy my te&amp;xt</source>
        <translation>내 글 복사(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Keep the order</source>
        <translation>주문 유지(&amp;K)</translation>
    </message>
    <message>
        <source>Copy te&amp;xt</source>
        <translation>글 복사(&amp;X)</translation>
    </message>
    <message>
        <source>{0} has no phone number in this inbox (the chat came from a phone export), so WhatsApp cannot send them this order&apos;s message. Add their number to send it; the order is kept either way.</source>
        <translation>{0}님의 전화번호가 이&#xa0;인박스에 없어요 (휴대폰에서 내보낸 채팅이에요). 그래서 이&#xa0;주문 메시지를 WhatsApp으로 보낼 수 없어요. 보내려면 전화번호를 추가하세요. 주문은 그대로 남아요.</translation>
    </message>
    <message>
        <source>This customer</source>
        <translation>이 고객</translation>
    </message>
    <message>
        <source>Add the new stock in the catalogue (Shop ▸ Catalogue) and try again, or cancel this order and make one for what is left.</source>
        <translation>카탈로그(상점&#xa0;▸&#xa0;카탈로그)에서 재고를 늘린 뒤 다시 해 보거나, 이&#xa0;주문을 취소하고 남은 수량으로 새&#xa0;주문을 만들어 주세요.</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <source>New</source>
        <translation>새 주문</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>입금 대기</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>배송 중</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>{0} (not in catalogue)</source>
        <translation>{0} (카탈로그에 없음)</translation>
    </message>
    <message>
        <source>{0} each</source>
        <comment>the price of one item of a cart&apos;s line</comment>
        <translation>개당 {0}</translation>
    </message>
    <message>
        <source>Total {0}</source>
        <translation>합계 {0}</translation>
    </message>
</context>
<context>
    <name>OtherNumbersUnread</name>
    <message>
        <source>{0}: {1} unread</source>
        <translation>{0}: 읽지 않음 {1}</translation>
    </message>
    <message>
        <source>Unread messages to your number {0}: {1}. Click to list its chats.</source>
        <translation>매장 번호 {0}(으)로 온 읽지 않은 메시지: {1}개. 누르면 이&#xa0;번호의 채팅을 보여요.</translation>
    </message>
    <message>
        <source>Other numbers: {0} unread</source>
        <translation>다른 번호: 읽지 않음 {0}</translation>
    </message>
    <message>
        <source>Unread messages to your other numbers: {0}. Click to list every chat.</source>
        <translation>다른 번호로 온 읽지 않은 메시지: {0}개. 누르면 모든 채팅을 보여요.</translation>
    </message>
</context>
<context>
    <name>PhoneNumberPrompt</name>
    <message>
        <source>{0} wrote to you with a WhatsApp username and has not shared a phone number.
Shop Inbox can send only to a phone number. If you know theirs, type it, e.g. {1}:</source>
        <translation>{0}님은 WhatsApp 사용자 이름으로 메시지를 보냈고 전화번호는 공유하지 않았어요.
샵&#xa0;인박스는 전화번호로만 보낼 수 있어요. 번호를 알고 있다면 입력하세요 (예: {1}):</translation>
    </message>
    <message>
        <source>{0} has no phone number in this inbox (the chat came from a phone export).
WhatsApp needs it to send anything. Their mobile number, e.g. {1}:</source>
        <translation>{0}님의 전화번호가 없어요 (휴대폰에서 내보낸 채팅이에요).
WhatsApp으로 보내려면 전화번호가 필요해요. 휴대폰 번호 (예: {1}):</translation>
    </message>
    <message>
        <source>Phone number needed</source>
        <translation>전화번호가 필요해요</translation>
    </message>
</context>
<context>
    <name>PlaceholderButtons</name>
    <message>
        <source>Payment reference</source>
        <translation>입금 참조</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>고객 이름</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>주문 번호</translation>
    </message>
    <message>
        <source>Items ordered</source>
        <translation>주문 상품</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>주문 금액</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>입금 계좌</translation>
    </message>
    <message>
        <source>Name on the transfer</source>
        <translation>입금자명</translation>
    </message>
    <message>
        <source>Payment deadline</source>
        <translation>입금 기한</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>택배사</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>송장번호</translation>
    </message>
    <message>
        <source>Tracking link</source>
        <translation>배송 조회 링크</translation>
    </message>
    <message>
        <source>Insert in the message at the cursor (filled in for each order):</source>
        <translation>메시지의 커서 자리에 넣어요 (주문마다 그&#xa0;주문의 내용으로 채워져요):</translation>
    </message>
</context>
<context>
    <name>PublicHolidaysDialog</name>
    <message>
        <source>Public holidays</source>
        <translation>공휴일</translation>
    </message>
    <message>
        <source>{0} (added)</source>
        <translation>{0} (추가됨)</translation>
    </message>
    <message>
        <source>Tick the days the shop closes on. You can change or remove them after.</source>
        <translation>상점이 쉬는 날을 체크하세요. 추가한 뒤에도 바꾸거나 삭제할 수 있어요.</translation>
    </message>
    <message>
        <source>&amp;Add ticked days</source>
        <translation>체크한 날 추가(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PushesWaiting</name>
    <message>
        <source>away message</source>
        <translation>자리 비움 메시지</translation>
    </message>
    <message>
        <source>greeting message</source>
        <translation>인사 메시지</translation>
    </message>
    <message>
        <source>business hours</source>
        <translation>영업시간</translation>
    </message>
    <message>
        <source>menu bot</source>
        <translation>메뉴 봇</translation>
    </message>
    <message>
        <source>shop details</source>
        <translation>가게 정보</translation>
    </message>
    <message>
        <source>automatic messages</source>
        <translation>자동 메시지</translation>
    </message>
    <message>
        <source>blocked customers</source>
        <translation>차단한 고객</translation>
    </message>
    <message>
        <source>order statuses for the menu bot</source>
        <translation>메뉴 봇이 알려 줄 주문 상태</translation>
    </message>
    <message>
        <source>customers from imported chats</source>
        <translation>가져온 채팅의 고객</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first}, {last}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>PushesWaitingNotice</name>
    <message>
        <source>Not yet on your relay: {changes}. Shop Inbox keeps trying; until then the relay has no rules from you and sends no automatic messages, even while this computer is closed.</source>
        <translation>아직 릴레이에 반영되지 않았어요: {changes}. 샵&#xa0;인박스가 계속 다시 보내고 있어요. 그때까지 릴레이에는 설정이 하나도 없어서, 이&#xa0;컴퓨터가 꺼져 있어도 자동 메시지를 보내지 않아요.</translation>
    </message>
    <message>
        <source>Not yet on your relay: {changes}. Shop Inbox keeps trying; until then the relay uses the previous version, even while this computer is closed.</source>
        <translation>아직 릴레이에 반영되지 않았어요: {changes}. 샵&#xa0;인박스가 계속 다시 보내고 있어요. 그때까지 릴레이는 이&#xa0;컴퓨터가 꺼져 있어도 이전 버전을 써요.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>찾는 위치(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Discard</source>
        <translation>저장 안 함</translation>
    </message>
</context>
<context>
    <name>QuickReactions</name>
    <message>
        <source>&amp;Like</source>
        <translation>좋아요(&amp;L)</translation>
    </message>
    <message>
        <source>L&amp;ove</source>
        <translation>사랑해요(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Funny</source>
        <translation>웃겨요(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Wow</source>
        <translation>놀라워요(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Sad</source>
        <translation>슬퍼요(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Thanks</source>
        <translation>감사해요(&amp;T)</translation>
    </message>
</context>
<context>
    <name>QuickReplyCompleter</name>
    <message>
        <source>No quick replies yet. Save the answers you type often, then type / to insert them.</source>
        <translation>아직 빠른 답장이 없어요. 자주 쓰는 답장을 저장해 두면 /를 입력해 바로 넣을 수 있어요.</translation>
    </message>
    <message>
        <source>Add a &amp;quick reply…</source>
        <translation>빠른 답장 추가(&amp;Q)…</translation>
    </message>
    <message>
        <source>{reply}, {n} of {count}</source>
        <translation>{reply}, {count}개 중 {n}번째</translation>
    </message>
</context>
<context>
    <name>QuickReplyDelegate</name>
    <message>
        <source>{0} · in the language this customer writes</source>
        <translation>{0} · 고객이 쓰는 언어로 보내요</translation>
    </message>
    <message>
        <source>{0} · file missing — choose it again</source>
        <translation>{0} · 파일 없음 — 다시 선택해 주세요</translation>
    </message>
</context>
<context>
    <name>QuickReplyListModel</name>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
</context>
<context>
    <name>QuickReplyManager</name>
    <message>
        <source>Quick replies</source>
        <translation>빠른 답장</translation>
    </message>
    <message>
        <source>Search shortcuts, keywords and text</source>
        <translation>단축어, 키워드, 내용으로 찾기</translation>
    </message>
    <message>
        <source>Optional. Inserted instead in a chat whose customer writes in another language than the message above, e.g. the same words in Korean.</source>
        <translation>선택 사항이에요. 위 메시지와 다른 언어로 메시지를 보내는 고객의 채팅에는 이&#xa0;글이 대신 들어가요. 예: 같은 내용을 영어로.</translation>
    </message>
    <message>
        <source>Quick replies are kept on this computer only: another computer connected to the same relay has its own. To use these there too, export them and import the file there.</source>
        <translation>빠른 답장은 이&#xa0;컴퓨터에만 저장돼요. 같은 릴레이에 연결된 다른 컴퓨터에는 따로 빠른 답장이 있어요. 그&#xa0;컴퓨터에서도 쓰려면 여기서 내보낸 파일을 그&#xa0;컴퓨터에서 가져오세요.</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Save every quick reply, with its file, to carry to another computer</source>
        <translation>모든 빠른 답장을 첨부 파일과 함께 저장해서 다른 컴퓨터로 옮겨요</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Add the quick replies of a file exported on another computer</source>
        <translation>다른 컴퓨터에서 내보낸 파일의 빠른 답장을 추가해요</translation>
    </message>
    <message>
        <source>E&amp;xport without saving</source>
        <translation>저장하지 않고 내보내기(&amp;X)</translation>
    </message>
    <message>
        <source>Delete {0}?</source>
        <translation>{0}을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Thanks for your order, {first_name}!</source>
        <translation>{고객 이름}님, 주문 감사합니다!</translation>
    </message>
    <message>
        <source>Words that also find this reply, separated by commas</source>
        <translation>이&#xa0;답장을 찾을 때 쓸 단어 (쉼표로 구분)</translation>
    </message>
    <message>
        <source>No attachment</source>
        <translation>첨부 없음</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>단축어</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>키워드</translation>
    </message>
    <message>
        <source>Search quick replies</source>
        <translation>빠른 답장 검색</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>위로(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>아래로(&amp;W)</translation>
    </message>
    <message>
        <source>/thanks</source>
        <translation>/감사</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>첨부</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>선택(&amp;H)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>제거(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Shor&amp;tcut</source>
        <translation>단축어(&amp;T)</translation>
    </message>
    <message>
        <source>M&amp;essage</source>
        <translation>메시지(&amp;E)</translation>
    </message>
    <message>
        <source>In another &amp;language</source>
        <translation>다른 언어로(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Keywords</source>
        <translation>키워드(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Attachment</source>
        <translation>첨부(&amp;A)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>There are no quick replies to export yet.</source>
        <translation>아직 내보낼 빠른 답장이 없어요.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of {0} found</source>
        <translation>
            <numerusform>빠른 답장 {0}개 중 %Ln개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln quick replies</source>
        <translation>
            <numerusform>빠른 답장 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the changes to this quick reply?</source>
        <translation>이&#xa0;빠른 답장의 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <source>Save the changes to this quick reply before exporting? The file holds only what is saved; without saving, your changes stay here as typed.</source>
        <translation>내보내기 전에 이&#xa0;빠른 답장의 변경 사항을 저장할까요? 파일에는 저장한 내용만 들어가요. 저장하지 않아도 입력한 내용은 여기에 그대로 남아 있어요.</translation>
    </message>
    <message>
        <source>A quick reply needs a shortcut, like /thanks.</source>
        <translation>빠른 답장에는 단축어가 필요해요 (예: /감사).</translation>
    </message>
    <message>
        <source>A shortcut starts with /, like /thanks.</source>
        <translation>단축어는 /로 시작해요 (예: /감사).</translation>
    </message>
    <message>
        <source>A shortcut cannot contain spaces.</source>
        <translation>단축어에는 띄어쓰기를 쓸 수 없어요.</translation>
    </message>
    <message>
        <source>This shortcut is too long.</source>
        <translation>단축어가 너무 길어요.</translation>
    </message>
    <message>
        <source>Another quick reply already uses this shortcut.</source>
        <translation>다른 빠른 답장이 이미 이&#xa0;단축어를 쓰고 있어요.</translation>
    </message>
    <message>
        <source>A quick reply needs some text.</source>
        <translation>빠른 답장 내용을 입력하세요.</translation>
    </message>
    <message>
        <source>A message can be at most 4,096 characters.</source>
        <translation>메시지는 최대 4,096자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>This quick reply was deleted meanwhile.</source>
        <translation>이&#xa0;빠른 답장은 그사이 삭제되었어요.</translation>
    </message>
    <message>
        <source>At most {0} keywords.</source>
        <translation>키워드는 최대 {0}개까지예요.</translation>
    </message>
    <message>
        <source>Delete quick reply</source>
        <translation>빠른 답장 삭제</translation>
    </message>
    <message>
        <source>Deleted {0}.</source>
        <translation>{0}을(를) 삭제했어요.</translation>
    </message>
    <message>
        <source>Clear the search to move quick replies up or down</source>
        <translation>빠른 답장을 위아래로 옮기려면 검색어를 지워 주세요</translation>
    </message>
    <message>
        <source>Choose an attachment</source>
        <translation>첨부 파일 선택</translation>
    </message>
    <message>
        <source>Images and documents (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
        <translation>사진과 문서 (*.jpg *.jpeg *.png *.pdf);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>{0} (file missing)</source>
        <translation>{0} (파일 없음)</translation>
    </message>
    <message>
        <source>The file {0} was moved or deleted, so this reply goes without it. Choose it again.</source>
        <translation>“{0}” 파일이 옮겨졌거나 지워져서 이&#xa0;답장은 파일 없이 나가요. 파일을 다시 선택해 주세요.</translation>
    </message>
</context>
<context>
    <name>QuickReplyTransfer</name>
    <message>
        <source>Export quick replies</source>
        <translation>빠른 답장 내보내기</translation>
    </message>
    <message>
        <source>quick-replies</source>
        <comment>a quick replies file&apos;s name, no spaces</comment>
        <translation>빠른-답장</translation>
    </message>
    <message>
        <source>Quick replies (*.zip)</source>
        <translation>빠른 답장 (*.zip)</translation>
    </message>
    <message>
        <source>There are no quick replies to export yet.</source>
        <translation>아직 내보낼 빠른 답장이 없어요.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n quick replies to {0}.</source>
        <translation>
            <numerusform>빠른 답장 %n개를 {0}에 내보냈어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>On the other computer, open Quick replies, press Import… and choose this file: its replies are added to the ones there, with their photos and files.</source>
        <translation>다른 컴퓨터에서 빠른 답장 창을 열고 가져오기…를 눌러 이&#xa0;파일을 선택하세요. 그&#xa0;컴퓨터의 빠른 답장에 사진과 파일까지 함께 추가돼요.</translation>
    </message>
    <message>
        <source>Exported without their file, which is missing on this computer: {0}. Choose the file again here, then export again.</source>
        <translation>이&#xa0;컴퓨터에 파일이 없어서 파일 없이 내보냈어요: {0}. 여기서 파일을 다시 선택한 다음 다시 내보내세요.</translation>
    </message>
    <message>
        <source>Quick replies exported</source>
        <translation>빠른 답장을 내보냈어요</translation>
    </message>
    <message>
        <source>Import quick replies</source>
        <translation>빠른 답장 가져오기</translation>
    </message>
    <message>
        <source>Quick replies (*.zip);;All files (*)</source>
        <translation>빠른 답장 (*.zip);;모든 파일 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n added.</source>
        <translation>
            <numerusform>%n개를 추가했어요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already here, so skipped.</source>
        <translation>
            <numerusform>%n개는 이미 있어서 건너뛰었어요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added as {0} because the shortcut(s) were taken by another reply here.</source>
        <translation>
            <numerusform>%n개는 이&#xa0;컴퓨터의 다른 답장이 같은 단축어를 쓰고 있어서 {0}(으)로 추가했어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their file was missing here and is back now: {0}.</source>
        <translation>여기에서 없어졌던 파일을 되찾았어요: {0}.</translation>
    </message>
    <message>
        <source>Added without their file, which was missing on the computer they were exported from: {0}. Choose the file again here.</source>
        <translation>내보낸 컴퓨터에 파일이 없어서 파일 없이 추가했어요: {0}. 여기서 파일을 다시 선택해 주세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be imported:</source>
        <translation>
            <numerusform>%n개는 가져오지 못했어요:</numerusform>
        </translation>
    </message>
    <message>
        <source>…and {0} more (see details).</source>
        <translation>…외 {0}개 (‘자세한 정보 표시’ 참고).</translation>
    </message>
    <message>
        <source>The file holds no quick replies.</source>
        <translation>파일에 빠른 답장이 없어요.</translation>
    </message>
    <message>
        <source>Quick replies not imported</source>
        <translation>빠른 답장을 가져오지 못했어요</translation>
    </message>
    <message>
        <source>Quick replies imported</source>
        <translation>빠른 답장을 가져왔어요</translation>
    </message>
    <message>
        <source>Its file {name} is a program, which WhatsApp does not take.</source>
        <translation>{name} 파일은 프로그램이라 WhatsApp에서 받지 않아요.</translation>
    </message>
    <message>
        <source>Its file {name} is a compressed file, which WhatsApp does not take.</source>
        <translation>{name} 파일은 압축 파일이라 WhatsApp에서 받지 않아요.</translation>
    </message>
    <message>
        <source>Its photo {name} is not a JPEG or PNG, which WhatsApp needs.</source>
        <translation>{name} 사진은 JPEG나 PNG가 아니라서 WhatsApp에서 받지 않아요.</translation>
    </message>
    <message>
        <source>Its video {name} is not an MP4 or 3GP, which WhatsApp needs.</source>
        <translation>{name} 동영상은 MP4나 3GP가 아니라서 WhatsApp에서 받지 않아요.</translation>
    </message>
    <message>
        <source>Its sound file {name} is not an MP3, M4A, AAC, AMR or OGG (Opus), which WhatsApp needs.</source>
        <translation>{name} 음성 파일은 MP3, M4A, AAC, AMR, OGG(Opus)가 아니라서 WhatsApp에서 받지 않아요.</translation>
    </message>
    <message>
        <source>Its file {name} is not a PDF, Word, Excel, PowerPoint or text file, which WhatsApp needs.</source>
        <translation>{name} 파일은 PDF, Word, Excel, PowerPoint, 텍스트 파일이 아니라서 WhatsApp에서 받지 않아요.</translation>
    </message>
    <message>
        <source>Its file {name} is larger than {limit_mb} MB, the most WhatsApp takes.</source>
        <translation>{name} 파일은 {limit_mb}MB가 넘어서 WhatsApp에서 받지 않아요.</translation>
    </message>
    <message>
        <source>Its video {name} is larger than {limit_mb} MB, the most WhatsApp takes for a video.</source>
        <translation>{name} 동영상은 WhatsApp이 동영상으로 받는 {limit_mb}MB가 넘어요.</translation>
    </message>
    <message>
        <source>Its sound file {name} is larger than {limit_mb} MB, the most WhatsApp takes for sound.</source>
        <translation>{name} 음성 파일은 WhatsApp이 음성 파일로 받는 {limit_mb}MB가 넘어요.</translation>
    </message>
    <message>
        <source>Its photo {name} is larger than {limit_mb} MB, the most WhatsApp takes for a photo.</source>
        <translation>{name} 사진은 WhatsApp이 사진으로 받는 {limit_mb}MB가 넘어요.</translation>
    </message>
    <message>
        <source>Its file {name} could not be read.</source>
        <translation>{name} 파일을 읽지 못했어요.</translation>
    </message>
</context>
<context>
    <name>QuitQuestion</name>
    <message>
        <source>1 reply you wrote has not been sent yet. It goes out by itself the next time Shop Inbox is open and reaches your relay.</source>
        <translation>작성한 답장 1개가 아직 보내지지 않았어요. 다음에 샵&#xa0;인박스를 열어 릴레이에 연결되면 알아서 보내요.</translation>
    </message>
    <message>
        <source>%Ln replies you wrote have not been sent yet. They go out by themselves the next time Shop Inbox is open and reaches your relay.</source>
        <translation>작성한 답장 %Ln개가 아직 보내지지 않았어요. 다음에 샵&#xa0;인박스를 열어 릴레이에 연결되면 알아서 보내요.</translation>
    </message>
    <message>
        <source>Quit Shop Inbox?</source>
        <translation>샵&#xa0;인박스를 종료할까요?</translation>
    </message>
    <message>
        <source>Not yet on your relay: {changes}. If you quit now, the relay has no rules from you and sends no automatic messages until Shop Inbox is open again and reaches it.</source>
        <translation>아직 릴레이에 반영되지 않았어요: {changes}. 지금 종료하면 샵&#xa0;인박스를 다시 열어 릴레이에 연결될 때까지 릴레이에는 설정이 하나도 없어서 자동 메시지를 보내지 않아요.</translation>
    </message>
    <message>
        <source>Not yet on your relay: {changes}. If you quit now, the relay uses the previous version until Shop Inbox is open again and reaches it: customers who write still get {sent}.</source>
        <translation>아직 릴레이에 반영되지 않았어요: {changes}. 지금 종료하면 샵&#xa0;인박스를 다시 열어 릴레이에 연결될 때까지 릴레이는 이전 버전을 써요. 그동안 메시지를 보내는 고객은 다음 메시지를 계속 받아요: {sent}.</translation>
    </message>
    <message>
        <source>Not yet on your relay: {changes}. If you quit now, the relay uses the previous version until Shop Inbox is open again and reaches it.</source>
        <translation>아직 릴레이에 반영되지 않았어요: {changes}. 지금 종료하면 샵&#xa0;인박스를 다시 열어 릴레이에 연결될 때까지 릴레이는 이전 버전을 써요.</translation>
    </message>
    <message>
        <source>Your relay refused your change: {changes}. It is not sent again by itself: fix it in its editor or discard it. Until then customers who write still get {sent}, even while this computer is closed.</source>
        <translation>릴레이가 변경 내용을 거부했어요: {changes}. 자동으로 다시 보내지 않으니 편집 창에서 고치거나 변경 내용을 버려 주세요. 그때까지 이&#xa0;컴퓨터가 꺼져 있어도 메시지를 보내는 고객은 다음 메시지를 계속 받아요: {sent}.</translation>
    </message>
    <message>
        <source>Your relay refused your change: {changes}. It is not sent again by itself: fix it in its editor or discard it. Until then the relay does without it, even while this computer is closed.</source>
        <translation>릴레이가 변경 내용을 거부했어요: {changes}. 자동으로 다시 보내지 않으니 편집 창에서 고치거나 변경 내용을 버려 주세요. 그때까지 릴레이는 이&#xa0;컴퓨터가 꺼져 있어도 이&#xa0;변경 없이 동작해요.</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>그래도 종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t quit</source>
        <translation>종료 안 함(&amp;D)</translation>
    </message>
    <message>
        <source>the away message you switched off</source>
        <translation>꺼 둔 자리 비움 메시지</translation>
    </message>
    <message>
        <source>the away message as it was before your change</source>
        <translation>바꾸기 전의 자리 비움 메시지</translation>
    </message>
    <message>
        <source>the greeting message you switched off</source>
        <translation>꺼 둔 인사 메시지</translation>
    </message>
    <message>
        <source>the greeting message as it was before your change</source>
        <translation>바꾸기 전의 인사 메시지</translation>
    </message>
</context>
<context>
    <name>RecipientsPicker</name>
    <message>
        <source>Everyone</source>
        <translation>모든 고객</translation>
    </message>
    <message>
        <source>Everyone except…</source>
        <translation>다음 고객 빼고 모두…</translation>
    </message>
    <message>
        <source>Only…</source>
        <translation>다음 고객에게만…</translation>
    </message>
    <message>
        <source>A&amp;dd contacts…</source>
        <translation>연락처 추가(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RelayCheck</name>
    <message>
        <source>That does not look like a web address. It should look like https://relay.myshop.com</source>
        <translation>웹 주소가 아닌 것 같아요. https://relay.myshop.com 같은 형식이어야 해요.</translation>
    </message>
    <message>
        <source>Something answered at this address, but it is not a Shop Inbox relay. Your relay answers at {relay_at}: use that address.</source>
        <translation>이&#xa0;주소에서 응답이 왔지만 샵&#xa0;인박스 릴레이가 아니에요. 릴레이는 {relay_at}에서 응답해요. 그&#xa0;주소를 입력하세요.</translation>
    </message>
    <message>
        <source>Connected. Your relay answers and accepts the relay token.</source>
        <translation>연결됐어요. 릴레이가 응답하고 릴레이 토큰을 받아들였어요.</translation>
    </message>
    <message>
        <source>This address starts with http://, so your relay token would travel unencrypted over the internet. Use the https:// address of your relay.</source>
        <translation>이&#xa0;주소는 http://로 시작해서 릴레이 토큰이 암호화되지 않은 채 인터넷으로 전송돼요. 릴레이의 https:// 주소를 사용하세요.</translation>
    </message>
    <message>
        <source>The relay at {url} could not be reached. Check the address, your internet connection, and that the relay is running.</source>
        <translation>{url} 릴레이에 연결할 수 없어요. 주소와 인터넷 연결, 릴레이가 실행 중인지 확인하세요.</translation>
    </message>
    <message>
        <source>Something answered at this address, but it is not a Shop Inbox relay. Check the address.</source>
        <translation>이&#xa0;주소에서 응답이 왔지만 샵&#xa0;인박스 릴레이가 아니에요. 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The relay refused this relay token. Copy it again from the relay (shop-inbox-relay token) and paste it here.</source>
        <translation>릴레이가 이&#xa0;릴레이 토큰을 거부했어요. 릴레이에서 릴레이 토큰을 다시 복사해(shop-inbox-relay token) 여기에 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>The relay had a problem answering. Try again in a minute.</source>
        <translation>릴레이가 응답하는 중 문제가 생겼어요. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Your relay is refusing this network for a few minutes because many wrong relay tokens came from it. Wait five minutes, then check again with the relay token that shop-inbox-relay token shows.</source>
        <translation>이&#xa0;네트워크에서 잘못된 릴레이 토큰이 여러 번 들어와서 릴레이가 몇&#xa0;분 동안 연결을 막고 있어요. 5분 뒤에 shop-inbox-relay token 명령이 보여 주는 릴레이 토큰으로 다시 확인해 주세요.</translation>
    </message>
</context>
<context>
    <name>RelayCheckPanel</name>
    <message>
        <source>Ask the relay to check WhatsApp&apos;s side and its server again</source>
        <translation>릴레이에게 WhatsApp 쪽과 서버를 다시 확인하도록 요청해요</translation>
    </message>
    <message>
        <source>Chec&amp;k connection</source>
        <translation>연결 확인(&amp;K)</translation>
    </message>
    <message>
        <source>Enter the relay&apos;s address first.</source>
        <translation>릴레이 주소를 먼저 입력해 주세요.</translation>
    </message>
    <message>
        <source>Chec&amp;k again</source>
        <translation>다시 확인(&amp;K)</translation>
    </message>
    <message>
        <source>The relay token was refused, so the relay could not run its check. Copy the relay token again (shop-inbox-relay token prints it) and paste it in Relay token.</source>
        <translation>릴레이 토큰이 거부돼서 릴레이가 확인을 실행하지 못했어요. 릴레이 토큰을 다시 복사해(shop-inbox-relay token 명령이 보여 줘요) 릴레이 토큰 칸에 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>The relay at {url} could not be reached, so it could not run its check. Check the address, your internet connection, and that the relay is running.</source>
        <translation>{url} 릴레이에 연결할 수 없어서 확인을 실행하지 못했어요. 주소와 인터넷 연결, 릴레이가 실행 중인지 확인하세요.</translation>
    </message>
    <message>
        <source>The relay could not run its check. If it is an older version, update it on the server and check again.</source>
        <translation>릴레이가 확인을 실행하지 못했어요. 오래된 버전이라면 서버에서 업데이트한 뒤 다시 확인하세요.</translation>
    </message>
</context>
<context>
    <name>RelayCheckView</name>
    <message>
        <source>Relay settings</source>
        <translation>릴레이 설정</translation>
    </message>
    <message>
        <source>WhatsApp Business Account</source>
        <translation>WhatsApp 비즈니스 계정</translation>
    </message>
    <message>
        <source>Webhook subscription</source>
        <translation>웹훅 구독</translation>
    </message>
    <message>
        <source>Secure public address (HTTPS)</source>
        <translation>안전한 공개 주소 (HTTPS)</translation>
    </message>
    <message>
        <source>Webhook verified by Meta</source>
        <translation>Meta의 웹훅 인증</translation>
    </message>
    <message>
        <source>Storage on the relay</source>
        <translation>릴레이 저장 공간</translation>
    </message>
    <message>
        <source>Relay clock</source>
        <translation>릴레이 시계</translation>
    </message>
    <message>
        <source>Everything the relay needs is set.</source>
        <translation>릴레이에 필요한 설정이 모두 있어요.</translation>
    </message>
    <message>
        <source>The business account holds this number and its templates.</source>
        <translation>비즈니스 계정에 이&#xa0;번호와 템플릿이 있어요.</translation>
    </message>
    <message>
        <source>Customers&apos; messages are sent to this relay.</source>
        <translation>고객 메시지가 이&#xa0;릴레이로 전달돼요.</translation>
    </message>
    <message>
        <source>{url} answers securely, and it is this relay.</source>
        <translation>{url} 주소가 안전하게 응답하고, 바로 이&#xa0;릴레이예요.</translation>
    </message>
    <message>
        <source>Meta has reached the relay&apos;s webhook.</source>
        <translation>Meta가 릴레이의 웹훅에 연결했어요.</translation>
    </message>
    <message>
        <source>The relay can store messages; {free} free.</source>
        <translation>릴레이가 메시지를 저장할 수 있어요. 남은 공간은 {free}예요.</translation>
    </message>
    <message>
        <source>The relay&apos;s clock is right.</source>
        <translation>릴레이 시계가 정확해요.</translation>
    </message>
    <message>
        <source>Some settings are missing on the relay: {names}. Run `shop-inbox-relay setup` on the server.</source>
        <translation>릴레이에 빠진 설정이 있어요: {names}. 서버에서 `shop-inbox-relay setup`을 실행하세요.</translation>
    </message>
    <message>
        <source>WhatsApp does not know the id in {setting}. Copy it again from Meta&apos;s app dashboard &gt; WhatsApp &gt; API Setup (it is an id, not the phone number).</source>
        <translation>WhatsApp이 {setting}에 있는 ID를 찾지 못했어요. Meta 앱 대시보드 &gt; WhatsApp &gt; API 설정에서 다시 복사하세요 (전화번호가 아니라 ID예요).</translation>
    </message>
    <message>
        <source>The relay cannot reach WhatsApp&apos;s servers. Check the server&apos;s internet connection.</source>
        <translation>릴레이가 WhatsApp 서버에 연결하지 못해요. 서버의 인터넷 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>WhatsApp answered with an error: {detail}</source>
        <translation>WhatsApp이 오류로 응답했어요: {detail}</translation>
    </message>
    <message>
        <source>This phone number belongs to another WhatsApp Business Account. Copy the id of the account that holds it from WhatsApp Manager.</source>
        <translation>이&#xa0;전화번호는 다른 WhatsApp 비즈니스 계정에 속해 있어요. WhatsApp 관리자에서 이&#xa0;번호가 있는 계정의 ID를 복사하세요.</translation>
    </message>
    <message>
        <source>Meta is not sending your customers&apos; messages to the relay: the app is not subscribed to your business account. Run `shop-inbox-relay setup` again on the server.</source>
        <translation>Meta가 고객 메시지를 릴레이로 보내지 않고 있어요. 앱이 비즈니스 계정을 구독하지 않았어요. 서버에서 `shop-inbox-relay setup`을 다시 실행하세요.</translation>
    </message>
    <message>
        <source>The relay&apos;s public address {url} does not start with https://. WhatsApp only delivers messages to secure addresses.</source>
        <translation>릴레이의 공개 주소 {url}이(가) https://로 시작하지 않아요. WhatsApp은 안전한 주소로만 메시지를 보내요.</translation>
    </message>
    <message>
        <source>The relay answers at {url}, but its security certificate is not valid, so WhatsApp will not deliver messages there. Check that the address points at your server and that ports 80 and 443 are open, so a certificate can be issued.</source>
        <translation>{url}에서 릴레이가 응답하지만 보안 인증서가 유효하지 않아서 WhatsApp이 메시지를 보내지 않아요. 인증서를 발급받을 수 있도록 주소가 서버를 가리키는지, 80번과 443번 포트가 열려 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>Nothing answers at {url}. Start the relay on the server (docker compose up -d, or shop-inbox-relay serve) and check that the address points at it.</source>
        <translation>{url}에서 아무것도 응답하지 않아요. 서버에서 릴레이를 시작하고(docker compose up -d 또는 shop-inbox-relay serve), 주소가 그&#xa0;서버를 가리키는지 확인하세요.</translation>
    </message>
    <message>
        <source>Something answers at {url}, but it is not your relay. Check that the address points at your server.</source>
        <translation>{url}에서 응답은 있지만 내&#xa0;릴레이가 아니에요. 주소가 내&#xa0;서버를 가리키는지 확인하세요.</translation>
    </message>
    <message>
        <source>Meta access token and phone number</source>
        <translation>Meta 액세스 토큰과 전화번호</translation>
    </message>
    <message>
        <source>Another check by the relay</source>
        <translation>릴레이의 다른 점검</translation>
    </message>
    <message>
        <source>WhatsApp accepts the Meta access token and sees {display_phone_number}.</source>
        <translation>WhatsApp이 Meta 액세스 토큰을 받아들이고 {display_phone_number} 번호를 확인했어요.</translation>
    </message>
    <message>
        <source>WhatsApp refused the Meta access token: it has expired or was revoked. In Meta Business Manager, open Business settings &gt; System users, generate a new Meta access token, and run `shop-inbox-relay setup` again with it.</source>
        <translation>WhatsApp이 Meta 액세스 토큰을 거부했어요. 토큰이 만료됐거나 취소됐어요. Meta 비즈니스 관리자에서 비즈니스 설정 &gt; 시스템 사용자를 열어 새&#xa0;Meta 액세스 토큰을 만든 뒤, 그&#xa0;토큰으로 `shop-inbox-relay setup`을 다시 실행하세요.</translation>
    </message>
    <message>
        <source>The Meta access token is missing the {permission} permission. In Meta Business Manager &gt; Business settings &gt; System users, give the system user your WhatsApp account with full control, then generate the Meta access token again with that permission.</source>
        <translation>Meta 액세스 토큰에 {permission} 권한이 없어요. Meta 비즈니스 관리자 &gt; 비즈니스 설정 &gt; 시스템 사용자에서 시스템 사용자에게 WhatsApp 계정의 전체 권한을 준 뒤, 그&#xa0;권한을 넣어 Meta 액세스 토큰을 다시 만드세요.</translation>
    </message>
    <message>
        <source>Meta has not checked the webhook yet. In Meta&apos;s app dashboard &gt; WhatsApp &gt; Configuration, enter the callback URL {callback_url} and the webhook verify token the relay was set up with.</source>
        <translation>Meta가 아직 웹훅을 확인하지 않았어요. Meta 앱 대시보드 &gt; WhatsApp &gt; 구성에서 콜백 URL {callback_url}과 릴레이를 설정할 때 정한 웹훅 확인 토큰을 입력하세요.</translation>
    </message>
    <message>
        <source>Meta tried the webhook with a different webhook verify token. Enter the relay&apos;s webhook verify token in Meta&apos;s app dashboard &gt; WhatsApp &gt; Configuration and verify again.</source>
        <translation>Meta가 다른 웹훅 확인 토큰으로 웹훅을 확인하려 했어요. Meta 앱 대시보드 &gt; WhatsApp &gt; 구성에 릴레이의 웹훅 확인 토큰을 입력하고 다시 확인하세요.</translation>
    </message>
    <message>
        <source>The relay cannot save messages: its storage is not writable. Check the server&apos;s disk.</source>
        <translation>릴레이가 메시지를 저장하지 못해요. 저장 공간에 쓸 수 없어요. 서버의 디스크를 확인하세요.</translation>
    </message>
    <message>
        <source>The relay cannot save customers&apos; photos and files: its media folder is not writable. Check the server&apos;s folder permissions.</source>
        <translation>릴레이가 고객의 사진과 파일을 저장할 수 없어요. 미디어 폴더에 쓸 수 없어요. 서버의 폴더 권한을 확인해 주세요.</translation>
    </message>
    <message>
        <source>The relay&apos;s disk is almost full ({free} free). Free some space, or new messages will not be saved.</source>
        <translation>릴레이의 디스크가 거의 가득 찼어요 (남은 공간 {free}). 공간을 비우지 않으면 새&#xa0;메시지가 저장되지 않아요.</translation>
    </message>
    <message>
        <source>The relay&apos;s clock is {seconds} seconds off, so away messages may go out at the wrong time. Turn on automatic time on the server.</source>
        <translation>릴레이 시계가 {seconds}초 어긋나 있어서 자리 비움 메시지가 엉뚱한 시간에 나갈 수 있어요. 서버에서 자동 시간 맞추기를 켜세요.</translation>
    </message>
    <message>
        <source>Not checked: the demo relay has no WhatsApp account.</source>
        <translation>확인하지 않음: 데모 릴레이에는 WhatsApp 계정이 없어요.</translation>
    </message>
    <message>
        <source>This is a demo relay: its customers are simulated, and no real WhatsApp messages come in. To receive your customers&apos; messages, set up your own relay with your WhatsApp account.</source>
        <translation>데모 릴레이예요. 여기 고객은 가상으로 만든 고객이고, 실제 WhatsApp 메시지는 들어오지 않아요. 내&#xa0;고객의 메시지를 받으려면 내&#xa0;WhatsApp 계정으로 릴레이를 따로 설정하세요.</translation>
    </message>
    <message>
        <source>{url} could not be reached over https://, but something there answers plain http://. If it is a relay running on this computer, try {plain_url}</source>
        <translation>{url}에 https://로는 연결할 수 없지만, 일반 http://로는 응답이 와요. 이&#xa0;컴퓨터에서 실행 중인 릴레이라면 {plain_url}(으)로 해 보세요.</translation>
    </message>
    <message>
        <source>Not checked: an earlier step has to pass first.</source>
        <translation>확인하지 않음: 앞 단계가 먼저 통과해야 해요.</translation>
    </message>
    <message>
        <source>High (green)</source>
        <translation>높음 (초록)</translation>
    </message>
    <message>
        <source>Medium (yellow)</source>
        <translation>보통 (노랑)</translation>
    </message>
    <message>
        <source>Low (red): customers have blocked or reported the shop; send fewer messages</source>
        <translation>낮음 (빨강): 고객이 가게를 차단하거나 신고했어요. 메시지를 줄이세요</translation>
    </message>
    <message>
        <source>Not rated yet</source>
        <translation>아직 평가 전</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>무제한</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>{count} customers a day outside the 24-hour window</source>
        <translation>마지막 메시지 후 24시간이 지난 고객 하루 {count}명</translation>
    </message>
    <message>
        <source>Checking WhatsApp&apos;s side and the relay&apos;s server…</source>
        <translation>WhatsApp 쪽과 릴레이 서버를 확인하는 중…</translation>
    </message>
    <message>
        <source>Everything is ready: WhatsApp messages will reach this inbox.</source>
        <translation>모두 준비됐어요. WhatsApp 메시지가 이&#xa0;받은편지함으로 들어와요.</translation>
    </message>
    <message>
        <source>To fix before messages can arrive: {count}</source>
        <translation>메시지를 받기 전에 고칠 것: {count}개</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>확인하지 않음</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Number health for {number}{name}</source>
        <translation>{number}{name} 번호 상태</translation>
    </message>
    <message>
        <source>Quality rating: {rating}</source>
        <translation>품질 등급: {rating}</translation>
    </message>
    <message>
        <source>Messaging limit: {limit}</source>
        <translation>메시징 한도: {limit}</translation>
    </message>
</context>
<context>
    <name>RelayHelpDialog</name>
    <message>
        <source>How do I set up a relay?</source>
        <translation>릴레이는 어떻게 설정하나요?</translation>
    </message>
    <message>
        <source>Ask them for two things: the relay&apos;s address (it starts with https://) and its relay token. Paste both on this page and click “Check connection”.</source>
        <translation>두&#xa0;가지를 받아 주세요: 릴레이 주소(https://로 시작해요)와 릴레이 토큰이에요. 둘 다 이&#xa0;페이지에 붙여 넣고 “연결 확인”을 누르세요.</translation>
    </message>
    <message>
        <source>Ask them for two things: the relay&apos;s address (it starts with https://) and its relay token. Paste both in File ▸ Settings, under Relay, then click Save.</source>
        <translation>두&#xa0;가지를 받아 주세요: 릴레이 주소(https://로 시작해요)와 릴레이 토큰이에요. 둘 다 파일&#xa0;▸&#xa0;설정의 릴레이 칸에 붙여 넣고 저장을 누르세요.</translation>
    </message>
    <message>
        <source>What the relay is</source>
        <translation>릴레이란</translation>
    </message>
    <message>
        <source>A small server that is always on. WhatsApp delivers your customers&apos; messages to it, and it sends your greeting and away messages while this computer is off. Shop Inbox fetches everything from it when it starts.</source>
        <translation>늘 켜져 있는 작은 서버예요. WhatsApp이 고객 메시지를 이곳으로 보내고, 이&#xa0;컴퓨터가 꺼져 있는 동안에는 릴레이가 인사 메시지와 자리 비움 메시지를 보내요. 샵&#xa0;인박스는 시작할 때 릴레이에서 모든 것을 받아 와요.</translation>
    </message>
    <message>
        <source>Someone set it up for you</source>
        <translation>다른 분이 설정해 준 경우</translation>
    </message>
    <message>
        <source>You need a small server with Docker (1 CPU and 512 MB are plenty), a name such as relay.myshop.com that points at it, and a WhatsApp Business app in Meta&apos;s developer dashboard. In the deploy folder of Shop Inbox on that server, run:
    docker compose run --rm setup
    docker compose up -d
    docker compose exec relay shop-inbox-relay token
The first asks for the values Meta shows you; the last prints the relay token to paste here.</source>
        <translation>Docker가 설치된 작은 서버(CPU 1개, 메모리 512MB면 충분해요), 그&#xa0;서버를 가리키는 relay.myshop.com 같은 주소, 그리고 Meta 개발자 대시보드의 WhatsApp Business 앱이 필요해요. 서버에 있는 샵&#xa0;인박스의 deploy 폴더에서 다음을 실행하세요:
    docker compose run --rm setup
    docker compose up -d
    docker compose exec relay shop-inbox-relay token
첫&#xa0;번째 명령은 Meta에 표시된 값을 물어보고, 마지막 명령은 여기에 붙여 넣을 릴레이 토큰을 보여 줘요.</translation>
    </message>
    <message>
        <source>&amp;Full guide for the server</source>
        <translation>영어로 된 서버 설정 전체 안내(&amp;F)</translation>
    </message>
    <message>
        <source>You set it up yourself</source>
        <translation>직접 설정하는 경우</translation>
    </message>
    <message>
        <source>Just looking</source>
        <translation>먼저 둘러보고 싶다면</translation>
    </message>
    <message>
        <source>Go back to the first page of this wizard and choose “Try the demo”: a shop with simulated customers, where nothing is sent to WhatsApp.</source>
        <translation>이&#xa0;마법사의 첫&#xa0;페이지로 돌아가 “데모 사용해 보기”를 누르세요. 가상의 고객이 있는 상점이고, WhatsApp으로는 아무것도 보내지 않아요.</translation>
    </message>
</context>
<context>
    <name>RelayPage</name>
    <message>
        <source>Connect to your relay</source>
        <translation>릴레이에 연결</translation>
    </message>
    <message>
        <source>The relay is the small always-on server that receives your WhatsApp messages. Paste its address and the relay token it printed.</source>
        <translation>릴레이는 WhatsApp 메시지를 받는 작은 상시 서버예요. 릴레이 주소와 릴레이 서버에서 확인한 릴레이 토큰을 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>Paste the relay token</source>
        <translation>릴레이 토큰 붙여 넣기</translation>
    </message>
    <message>
        <source>&amp;Check connection</source>
        <translation>연결 확인(&amp;C)</translation>
    </message>
    <message>
        <source>Relay &amp;address</source>
        <translation>릴레이 주소(&amp;A)</translation>
    </message>
    <message>
        <source>Relay &amp;token</source>
        <translation>릴레이 토큰(&amp;T)</translation>
    </message>
    <message>
        <source>How do I set up a relay?</source>
        <translation>릴레이는 어떻게 설정하나요?</translation>
    </message>
    <message>
        <source>Paste the relay token too: the relay prints it (shop-inbox-relay token).</source>
        <translation>릴레이 토큰도 붙여 넣으세요. 릴레이 서버에서 shop-inbox-relay token 명령으로 확인할 수 있어요.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
</context>
<context>
    <name>RelayTokenField</name>
    <message>
        <source>A relay token never holds “{letters}”: it is made of Latin letters, digits, - and _. Copy it again from the relay (shop-inbox-relay token); if you type it, switch the keyboard to English first.</source>
        <translation>릴레이 토큰에는 “{letters}” 같은 글자가 들어가지 않아요. 릴레이 토큰은 영문자와 숫자, - 기호와 _ 기호로만 되어 있어요. 릴레이에서 다시 복사하거나(shop-inbox-relay token), 직접 입력한다면 먼저 한/영 키로 키보드를 영문으로 바꿔 주세요.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <source>Looking for the relay token in this computer&apos;s password store…</source>
        <translation>이&#xa0;컴퓨터의 비밀번호 저장소에서 릴레이 토큰을 찾고 있어요…</translation>
    </message>
    <message>
        <source>Paste your relay token</source>
        <translation>릴레이 토큰을 붙여 넣으세요</translation>
    </message>
    <message>
        <source>Leave empty to keep the current relay token</source>
        <translation>지금 릴레이 토큰을 유지하려면 비워 두세요</translation>
    </message>
    <message>
        <source>No relay token stored yet.</source>
        <translation>저장된 릴레이 토큰이 아직 없어요.</translation>
    </message>
</context>
<context>
    <name>ReplyPreview</name>
    <message>
        <source>nothing automatic; you answer yourself.</source>
        <translation>자동 메시지 없음 — 직접 답장하시면 돼요.</translation>
    </message>
    <message>
        <source>greeting</source>
        <translation>인사 메시지</translation>
    </message>
    <message>
        <source>away message</source>
        <translation>자리 비움 메시지</translation>
    </message>
    <message>
        <source>Now: {0}</source>
        <translation>지금: {0}</translation>
    </message>
    <message>
        <source>Once your change is on the relay: {0}</source>
        <translation>변경이 릴레이에 반영되면: {0}</translation>
    </message>
    <message>
        <source>Your relay refused your rules and has none from you: customers get no automatic message until you fix them.</source>
        <translation>릴레이가 규칙을 거부해서 받은 규칙이 없어요: 고칠 때까지 고객은 자동 메시지를 받지 않아요.</translation>
    </message>
    <message>
        <source>Your rules are not on your relay yet: until they are, customers get no automatic message.</source>
        <translation>규칙이 아직 릴레이에 반영되지 않았어요: 반영될 때까지 고객은 자동 메시지를 받지 않아요.</translation>
    </message>
    <message>
        <source>Your relay refused your change: until you fix it, customers get what the relay had before.</source>
        <translation>릴레이가 변경을 거부했어요: 고칠 때까지 고객은 릴레이에 있던 이전 내용을 받아요.</translation>
    </message>
    <message>
        <source>Your change is not on your relay yet: until it is, customers get what the relay had before.</source>
        <translation>변경이 아직 릴레이에 반영되지 않았어요: 반영될 때까지 고객은 릴레이에 있던 이전 내용을 받아요.</translation>
    </message>
    <message>
        <source>If a customer wrote to {1} now ({0}), they would get (and the same at {2}: each number&apos;s chat counts on its own):</source>
        <translation>고객이 지금({0}) 매장 번호 {1}에 메시지를 보내면 받게 될 답장 ({2}도 같아요. 번호마다 채팅이 따로예요):</translation>
    </message>
    <message>
        <source>If a customer wrote now ({0}), they would get:</source>
        <translation>지금({0}) 고객이 메시지를 보내면 받게 될 답장:</translation>
    </message>
    <message>
        <source>Minji Kim</source>
        <translation>김민지</translation>
    </message>
    <message>
        <source>The preview appears when the settings are complete.</source>
        <translation>설정을 마치면 미리보기가 나타나요.</translation>
    </message>
    <message>
        <source>A new customer who writes in another language:</source>
        <translation>다른 언어로 메시지를 보낸 새&#xa0;고객:</translation>
    </message>
    <message>
        <source>A new customer:</source>
        <translation>처음 연락한 고객:</translation>
    </message>
    <message>
        <source>A customer you talked to yesterday:</source>
        <translation>어제 대화한 고객:</translation>
    </message>
</context>
<context>
    <name>Restart</name>
    <message>
        <source>Shop Inbox is starting again…</source>
        <translation>샵 인박스를 다시 시작하는 중이에요…</translation>
    </message>
    <message>
        <source>Shop Inbox</source>
        <translation>샵 인박스</translation>
    </message>
</context>
<context>
    <name>ResumeBotButton</name>
    <message>
        <source>Resume bot</source>
        <translation>봇 다시 켜기</translation>
    </message>
    <message>
        <source>Let the menu bot answer this customer again</source>
        <translation>이&#xa0;고객에게 메뉴 봇이 다시 답하게 해요</translation>
    </message>
    <message>
        <source>Let the menu bot answer this customer again: choose the number</source>
        <translation>이&#xa0;고객에게 메뉴 봇이 다시 답할 번호를 골라요</translation>
    </message>
    <message>
        <source>On {0}</source>
        <translation>매장 번호 {0}에서</translation>
    </message>
    <message>
        <source>On all {0} numbers</source>
        <translation>번호 {0}개 모두에서</translation>
    </message>
    <message>
        <source>Resume bot on {0}</source>
        <translation>{0}에서 봇 다시 켜기</translation>
    </message>
    <message>
        <source>Let the menu bot answer this customer again on your number {0}</source>
        <translation>매장 번호 {0}에서 이&#xa0;고객에게 메뉴 봇이 다시 답하게 해요</translation>
    </message>
    <message>
        <source>Let it answer this customer again.</source>
        <translation>이&#xa0;고객에게 메뉴 봇이 다시 답하게 해요.</translation>
    </message>
    <message>
        <source>You wrote in this chat, so the menu bot stays quiet here until {0}.</source>
        <translation>사장님이 이&#xa0;채팅에 메시지를 보내서 {0}까지 이&#xa0;채팅에서는 메뉴 봇이 답하지 않아요.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return or exchange</source>
        <translation>반품·교환</translation>
    </message>
    <message>
        <source>&amp;Return: the customer gets money back</source>
        <translation>반품: 고객에게 환불해요(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xchange: the customer gets other goods</source>
        <translation>교환: 고객에게 다른 상품을 보내요(&amp;X)</translation>
    </message>
    <message>
        <source>Choose &amp;item from catalogue…</source>
        <translation>카탈로그에서 상품 고르기(&amp;I)…</translation>
    </message>
    <message>
        <source>The item sent instead of the highlighted line&apos;s</source>
        <translation>선택한 줄의 상품 대신 보낼 상품</translation>
    </message>
    <message>
        <source>e.g. too small, damaged in delivery, changed their mind</source>
        <translation>예: 사이즈가 작아요, 배송 중 파손, 단순 변심</translation>
    </message>
    <message>
        <source>The goods are &amp;back in the shop (they go back into stock)</source>
        <translation>상품이 가게에 돌아왔어요 (재고로 다시 넣어요)(&amp;B)</translation>
    </message>
    <message>
        <source>Leave it unticked while the parcel is on its way: mark it arrived on the order later.</source>
        <translation>상품이 아직 오는 중이면 체크하지 마세요. 도착하면 주문 창에서 도착으로 표시하세요.</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>사유(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;fund</source>
        <translation>환불 금액(&amp;F)</translation>
    </message>
    <message>
        <source>Record return</source>
        <translation>반품 기록</translation>
    </message>
    <message>
        <source>Type how many of each item come back:</source>
        <translation>상품마다 돌아오는 수량을 입력하세요:</translation>
    </message>
    <message>
        <source>Return or exchange · order {0}</source>
        <translation>반품·교환 · 주문 {0}</translation>
    </message>
    <message>
        <source>Record exchange</source>
        <translation>교환 기록</translation>
    </message>
    <message>
        <source>Type first how many of the item come back.</source>
        <translation>먼저 반품 수량을 입력해 주세요.</translation>
    </message>
    <message>
        <source>“{0}” is out of stock: choose another option or item to send instead.</source>
        <translation>“{0}”은(는) 품절이에요. 대신 보낼 다른 옵션이나 상품을 골라 주세요.</translation>
    </message>
    <message>
        <source>Only {1} of “{0}” left, {2} to send: choose another option or item.</source>
        <translation>“{0}”은(는) {1}개만 남았어요({2}개 보내야 해요). 다른 옵션이나 상품을 골라 주세요.</translation>
    </message>
    <message>
        <source>Paid and not refunded: {0}.</source>
        <translation>결제하고 아직 환불하지 않은 금액: {0}.</translation>
    </message>
    <message>
        <source>Choose what comes back.</source>
        <translation>돌아오는 상품을 골라 주세요.</translation>
    </message>
    <message>
        <source>A new order is made; it asks the customer for the difference of {0}.</source>
        <translation>새&#xa0;주문을 만들어요. 고객에게 차액 {0}을(를) 받아요.</translation>
    </message>
    <message>
        <source>A new order is made and marked paid: no payment is asked.</source>
        <translation>새&#xa0;주문을 만들고 결제 완료로 표시해요. 추가 결제는 없어요.</translation>
    </message>
    <message>
        <source>The rest of what she paid, {0}, is hers to get back.</source>
        <translation>결제 금액 중 남는 {0}은(는) 고객에게 환불해요.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln piece(s) come back.</source>
        <translation>
            <numerusform>%Ln개가 돌아와요.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnLinesModel</name>
    <message>
        <source>Item</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>구매 수량</translation>
    </message>
    <message>
        <source>Coming back</source>
        <translation>반품 수량</translation>
    </message>
    <message>
        <source>Exchanging</source>
        <translation>교환 수량</translation>
    </message>
    <message>
        <source>Exchange for</source>
        <translation>교환 상품</translation>
    </message>
    <message>
        <source>Double-click (or Enter) to choose another item from the catalogue</source>
        <translation>더블클릭(또는 Enter)하면 카탈로그에서 다른 상품을 고를 수 있어요</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>{0} ({1} returned before)</source>
        <translation>{0} (이전에 {1}개 반품)</translation>
    </message>
</context>
<context>
    <name>RuleSummary</name>
    <message>
        <source>To everyone.</source>
        <translation>모든 고객이 받아요.</translation>
    </message>
    <message>
        <source>Off: no greeting is sent.</source>
        <translation>꺼짐: 인사 메시지를 보내지 않아요.</translation>
    </message>
    <message numerus="yes">
        <source>To everyone except %Ln contacts.</source>
        <translation>
            <numerusform>연락처 %Ln명을 뺀 모든 고객이 받아요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only to %Ln contacts.</source>
        <translation>
            <numerusform>연락처 %Ln명만 받아요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent when a customer writes for the first time or after a day of silence.</source>
        <translation>고객이 처음 메시지를 보내거나, 하루 넘게 대화가 없다가 다시 보내면 보내요.</translation>
    </message>
    <message numerus="yes">
        <source>Sent when a customer writes for the first time or after %Ln days of silence.</source>
        <translation>
            <numerusform>고객이 처음 메시지를 보내거나, %Ln일 넘게 대화가 없다가 다시 보내면 보내요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not while you are away: then the away message goes alone.</source>
        <translation>자리 비움 시간에는 보내지 않고 자리 비움 메시지만 보내요.</translation>
    </message>
    <message>
        <source>Off: no away message is sent.</source>
        <translation>꺼짐: 자리 비움 메시지를 보내지 않아요.</translation>
    </message>
    <message>
        <source>Sent at any hour when a customer writes: once to each customer, and again only after you have replied to them.</source>
        <translation>고객이 메시지를 보내면 언제든 보내요. 고객마다 한&#xa0;번 보내고, 그&#xa0;고객에게 직접 답장한 뒤에 다시 보내요.</translation>
    </message>
    <message>
        <source>Not sent on any day: no away hours are chosen yet. For each day you are away, choose “Away at” and its hours, or “Away all day”.</source>
        <translation>자리 비움 시간을 아직 정하지 않아서 어느 요일에도 보내지 않아요. 자리를 비우는 요일마다 ‘자리 비움 시간’을 골라 시간을 정하거나 ‘하루 종일 자리 비움’을 고르세요.</translation>
    </message>
    <message>
        <source>Sent only on your closed days ({0}): no away hours are chosen yet. For each day you are away, choose “Away at” and its hours, or “Away all day”.</source>
        <translation>자리 비움 시간을 아직 정하지 않아서 휴무일({0})에만 보내요. 자리를 비우는 요일마다 ‘자리 비움 시간’을 골라 시간을 정하거나 ‘하루 종일 자리 비움’을 고르세요.</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>보내지 않음</translation>
    </message>
    <message>
        <source>Sent when a customer writes during your away hours: {0}.</source>
        <translation>자리 비움 시간에 고객이 메시지를 보내면 보내요: {0}.</translation>
    </message>
    <message>
        <source>Also on your closed days: {0}.</source>
        <translation>휴무일에도 보내요: {0}.</translation>
    </message>
    <message>
        <source>Sent when a customer writes outside your business hours ({0}).</source>
        <translation>영업시간({0}) 외에 고객이 메시지를 보내면 보내요.</translation>
    </message>
    <message>
        <source>Not if you replied in the last minute.</source>
        <translation>최근 1분 안에 직접 답장했다면 보내지 않아요.</translation>
    </message>
    <message numerus="yes">
        <source>Not if you replied in the last %Ln minutes.</source>
        <translation>
            <numerusform>최근 %Ln분 안에 직접 답장했다면 보내지 않아요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Once per customer each time you are away, and not if you replied in the last minute.</source>
        <translation>자리 비움 시간마다 고객당 한&#xa0;번만 보내고, 최근 1분 안에 직접 답장했다면 보내지 않아요.</translation>
    </message>
    <message numerus="yes">
        <source>Once per customer each time you are away, and not if you replied in the last %Ln minutes.</source>
        <translation>
            <numerusform>자리 비움 시간마다 고객당 한&#xa0;번만 보내고, 최근 %Ln분 안에 직접 답장했다면 보내지 않아요.</numerusform>
        </translation>
    </message>
    <message>
        <source>closed</source>
        <translation>휴무</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>24시간</translation>
    </message>
    <message>
        <source>{0}–{1} (next day)</source>
        <comment>a range of hours that ends after midnight</comment>
        <translation>{0}~다음 날 {1}</translation>
    </message>
    <message>
        <source>{0}–{1}</source>
        <comment>a range of hours or days: from, to</comment>
        <translation>{0}~{1}</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the days of a week&apos;s hours: Mon–Fri 9–6; Sat 10–4</comment>
        <translation> / </translation>
    </message>
    <message>
        <source>{0} more</source>
        <translation>외 {0}건</translation>
    </message>
    <message>
        <source>{0}; closed {1}</source>
        <translation>{0} / 휴무 {1}</translation>
    </message>
</context>
<context>
    <name>RulesConflictNotice</name>
    <message>
        <source>Your change to the automatic messages waited while another computer changed them: the relay still uses the other version.</source>
        <translation>내가 바꾼 자동 메시지가 기다리는 동안 다른 컴퓨터에서도 바꿨어요. 릴레이는 아직 다른 컴퓨터의 버전을 쓰고 있어요.</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>고르기(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>RulesRefused</name>
    <message>
        <source>The button back to the main menu has a title of 1 to {0} characters.</source>
        <translation>처음 메뉴로 돌아가는 버튼의 제목은 1~{0}자여야 해요.</translation>
    </message>
    <message>
        <source>The menu bot has at most {0} answers.</source>
        <translation>메뉴 봇의 답변은 최대 {0}개까지예요.</translation>
    </message>
    <message>
        <source>The menu bot has at most {0} menus and choices in all.</source>
        <translation>메뉴 봇의 메뉴와 항목은 모두 합쳐 최대 {0}개까지예요.</translation>
    </message>
    <message>
        <source>A menu has at most {0} choices, and “{1}” has more.</source>
        <translation>메뉴 하나의 항목은 최대 {0}개인데, 메뉴 “{1}”의 항목은 그보다 많아요.</translation>
    </message>
    <message>
        <source>A menu shown as buttons has at most {0} choices, and “{1}” has more.</source>
        <translation>버튼으로 보여 주는 메뉴의 항목은 최대 {0}개인데, 메뉴 “{1}”의 항목은 그보다 많아요.</translation>
    </message>
    <message>
        <source>A choice&apos;s title has 1 to {0} characters (on a button, {2}), and that of “{1}” does not.</source>
        <translation>항목의 제목은 1~{0}자(버튼은 {2}자)여야 하는데, “{1}”의 제목은 그렇지 않아요.</translation>
    </message>
    <message>
        <source>A choice&apos;s description has at most {0} characters, and that of “{1}” has more.</source>
        <translation>항목의 설명은 최대 {0}자인데, “{1}”의 설명은 그보다 길어요.</translation>
    </message>
    <message>
        <source>A section title has at most {0} characters, and that of “{1}” has more.</source>
        <translation>구역 이름은 최대 {0}자인데, “{1}”의 구역 이름은 그보다 길어요.</translation>
    </message>
    <message>
        <source>A menu&apos;s list button has 1 to {0} characters, and that of “{1}” does not.</source>
        <translation>메뉴의 목록 버튼 글자는 1~{0}자여야 하는데, 메뉴 “{1}”의 목록 버튼은 그렇지 않아요.</translation>
    </message>
    <message>
        <source>A menu&apos;s text has at most {0} characters (an answer&apos;s, {2}), and that of “{1}” has more.</source>
        <translation>메뉴의 안내 글은 최대 {0}자(답변은 {2}자)인데, “{1}”의 글은 그보다 길어요.</translation>
    </message>
    <message>
        <source>Menus go at most {0} deep, and “{1}” is deeper.</source>
        <translation>메뉴는 {0}단계까지인데, “{1}”의 위치는 그보다 깊어요.</translation>
    </message>
    <message>
        <source>An answer has at most {0} keywords, and “{1}” has more.</source>
        <translation>답변 하나의 키워드는 최대 {0}개인데, 답변 “{1}”의 키워드는 그보다 많아요.</translation>
    </message>
    <message>
        <source>A keyword has at most {0} characters, and one of “{1}” has more.</source>
        <translation>키워드는 최대 {0}자인데, 답변 “{1}”의 키워드 중 더 긴 것이 있어요.</translation>
    </message>
    <message>
        <source>A menu needs a text and at least one choice, and “{0}” lacks one.</source>
        <translation>메뉴에는 안내 글과 항목이 하나 이상 있어야 하는데, 메뉴 “{0}”에는 빠진 것이 있어요.</translation>
    </message>
    <message>
        <source>A keyword cannot be empty, and one of “{0}” is.</source>
        <translation>키워드는 비어 있으면 안 되는데, 답변 “{0}”에 빈 키워드가 있어요.</translation>
    </message>
    <message>
        <source>A list with several sections names each, and “{0}” has no section title.</source>
        <translation>구역이 여럿인 목록은 구역마다 이름이 있어야 하는데, “{0}”에는 구역 이름이 없어요.</translation>
    </message>
    <message>
        <source>The buttons of a menu each need a title of their own, and “{0}” is there twice.</source>
        <translation>한&#xa0;메뉴의 버튼은 제목이 모두 달라야 하는데, 제목이 “{0}”인 버튼이 둘 있어요.</translation>
    </message>
    <message>
        <source>The menu bot&apos;s menus and answers do not fit together at “{0}”.</source>
        <translation>메뉴 봇의 메뉴와 답변이 “{0}”에서 서로 맞지 않아요.</translation>
    </message>
    <message>
        <source>The menu bot goes beyond what the relay allows (too many rows, or a title too long).</source>
        <translation>메뉴 봇이 릴레이가 허용하는 범위를 넘어요(항목이 너무 많거나 제목이 너무 길어요).</translation>
    </message>
    <message>
        <source>Two ranges of hours on one day overlap: change one of them or make them one.</source>
        <translation>같은 날 시간 두&#xa0;개가 겹쳐요. 하나를 고치거나 하나로 합쳐 주세요.</translation>
    </message>
    <message>
        <source>The rules are larger than the relay takes.</source>
        <translation>설정이 릴레이가 받을 수 있는 크기보다 커요.</translation>
    </message>
    <message>
        <source>It could not accept it as it is: the relay may be an older version than this Shop Inbox. Update the relay, or change it back.</source>
        <translation>릴레이가 이&#xa0;변경을 그대로 받을 수 없었어요. 릴레이가 이&#xa0;샵&#xa0;인박스보다 오래된 버전일 수 있어요. 릴레이를 업데이트하거나 변경을 되돌려 주세요.</translation>
    </message>
    <message>
        <source>It answered with the error “{code}”.</source>
        <translation>릴레이가 “{code}” 오류로 응답했어요.</translation>
    </message>
    <message>
        <source>Your relay refused your change: {changes}.</source>
        <translation>릴레이가 변경 내용을 거부했어요: {changes}.</translation>
    </message>
    <message>
        <source>Until you fix or discard it, the relay has no rules from you and sends no automatic messages, even while this computer is closed.</source>
        <translation>고치거나 버릴 때까지 릴레이에는 설정이 하나도 없어서, 이&#xa0;컴퓨터가 꺼져 있어도 자동 메시지를 보내지 않아요.</translation>
    </message>
    <message>
        <source>Until you fix or discard it, the relay uses the previous version, even while this computer is closed.</source>
        <translation>고치거나 버릴 때까지 릴레이는 이&#xa0;컴퓨터가 꺼져 있어도 이전 버전을 써요.</translation>
    </message>
</context>
<context>
    <name>RulesRefusedNotice</name>
    <message>
        <source>Fi&amp;x…</source>
        <translation>고치기(&amp;X)…</translation>
    </message>
    <message>
        <source>D&amp;iscard change…</source>
        <translation>변경 버리기(&amp;I)…</translation>
    </message>
    <message>
        <source>Discard your change?</source>
        <translation>변경 내용을 버릴까요?</translation>
    </message>
    <message>
        <source>Shop Inbox is not connected to your relay, so its version cannot be read now.</source>
        <translation>샵&#xa0;인박스가 릴레이에 연결되어 있지 않아서 지금은 릴레이의 버전을 읽을 수 없어요.</translation>
    </message>
    <message>
        <source>Your refused change is deleted from this computer, and the editors show the version your relay uses.</source>
        <translation>거부된 변경 내용이 이&#xa0;컴퓨터에서 삭제되고, 편집 창에는 릴레이가 쓰는 버전이 표시돼요.</translation>
    </message>
    <message>
        <source>&amp;Discard change</source>
        <translation>변경 버리기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>그대로 두기(&amp;K)</translation>
    </message>
</context>
<context>
    <name>SavedFileNote</name>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>File: {0} · Folder: {1}</source>
        <translation>파일: {0} · 폴더: {1}</translation>
    </message>
</context>
<context>
    <name>ScheduleBox</name>
    <message>
        <source>Schedule</source>
        <translation>보낼 때</translation>
    </message>
    <message>
        <source>Send a&amp;t</source>
        <translation>예약 시간(&amp;T)</translation>
    </message>
    <message>
        <source> message per second</source>
        <translation>건/초</translation>
    </message>
    <message>
        <source> messages per second</source>
        <translation>건/초</translation>
    </message>
    <message>
        <source>Send no&amp;w</source>
        <translation>지금 보내기(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Pace</source>
        <translation>속도(&amp;P)</translation>
    </message>
    <message>
        <source>Marketing to Korean numbers waits until {0} between {1} and {0}, except for customers who agreed to night-time messages.</source>
        <translation>한국 번호로 가는 광고는 {1}~{0} 사이에는 {0}까지 기다렸다가 보내요. 야간 수신에 동의한 고객은 예외예요.</translation>
    </message>
</context>
<context>
    <name>SearchHitDelegate</name>
    <message>
        <source>Chat</source>
        <translation>채팅</translation>
    </message>
    <message>
        <source>Order {0}</source>
        <translation>주문 {0}</translation>
    </message>
    <message>
        <source>Tracking number {0}</source>
        <translation>송장번호 {0}</translation>
    </message>
    <message>
        <source>Label {0}</source>
        <translation>라벨: {0}</translation>
    </message>
    <message>
        <source>WhatsApp name {0}</source>
        <translation>WhatsApp 이름: {0}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search messages</source>
        <translation>메시지 검색</translation>
    </message>
    <message>
        <source>Close search (Esc)</source>
        <translation>검색 닫기 (Esc)</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>검색 닫기</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Search only messages sent in this period</source>
        <translation>이&#xa0;기간에 주고받은 메시지만 찾아요</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>최근 1년</translation>
    </message>
    <message>
        <source>Perio&amp;d:</source>
        <translation>기간(&amp;D):</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <source>Only to and from your &amp;number {0}</source>
        <translation>매장 번호 {0}(으)로 주고받은 것만(&amp;N)</translation>
    </message>
    <message>
        <source>No messages in the chats the list shows. Untick the box above to search every chat.</source>
        <translation>목록에 보이는 채팅에는 맞는 메시지가 없어요. 모든&#xa0;채팅에서 찾으려면 위의 상자를 체크 해제하세요.</translation>
    </message>
    <message>
        <source>No recent results</source>
        <translation>최근 결과 없음</translation>
    </message>
    <message>
        <source>1 recent result</source>
        <translation>최근 결과 1개</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recent results</source>
        <translation>
            <numerusform>최근 결과 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>More than {0} results</source>
        <translation>결과 {0}개 이상</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>결과 1개</translation>
    </message>
    <message numerus="yes">
        <source>%Ln results</source>
        <translation>
            <numerusform>결과 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was found for “{0}”: searched for a word that sounds the same.</source>
        <translation>“{0}” 검색 결과가 없어 소리가 같은 철자로 찾았어요.</translation>
    </message>
    <message>
        <source>Nothing was found for “{0}”: searched without its particle.</source>
        <translation>“{0}” 검색 결과가 없어 조사를 뺀 단어로 찾았어요.</translation>
    </message>
    <message>
        <source>For “{0}”: {1}</source>
        <translation>“{0}”(으)로 찾은 {1}</translation>
    </message>
    <message>
        <source>A word of one letter is looked for in the newest {0} messages only: type two or more letters to search every message.</source>
        <translation>한&#xa0;글자 단어는 최근 메시지 {0}개에서만 찾아요. 모든 메시지에서 찾으려면 두&#xa0;글자 이상 입력하세요.</translation>
    </message>
    <message>
        <source>Only chats that ca&amp;rry the label {0}</source>
        <translation>라벨 {0} 채팅만(&amp;R)</translation>
    </message>
    <message>
        <source>Only un&amp;read chats</source>
        <translation>읽지 않은 채팅만(&amp;R)</translation>
    </message>
    <message>
        <source>Only a&amp;rchived chats</source>
        <translation>보관된 채팅만(&amp;R)</translation>
    </message>
    <message>
        <source>Only chats that need a pe&amp;rson</source>
        <translation>상담&#xa0;필요 채팅만(&amp;R)</translation>
    </message>
    <message>
        <source>More than {0} chats</source>
        <translation>채팅 {0}개 이상</translation>
    </message>
    <message numerus="yes">
        <source>%Ln chats</source>
        <translation>
            <numerusform>채팅 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>1 chat</source>
        <translation>채팅 1개</translation>
    </message>
    <message>
        <source>No messages in this period. Choose All time to look further back.</source>
        <translation>이&#xa0;기간에 맞는 메시지가 없어요. 더 이전 메시지는 “전체 기간”을 골라 찾아보세요.</translation>
    </message>
    <message>
        <source>Onl&amp;y this chat</source>
        <translation>이 채팅만(&amp;Y)</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>결과 없음</translation>
    </message>
</context>
<context>
    <name>SendFromBox</name>
    <message>
        <source>Send from</source>
        <translation>보내는 번호</translation>
    </message>
    <message>
        <source>Each customer&apos;s own number (the one they last wrote to)</source>
        <translation>고객마다 마지막으로 연락한 번호</translation>
    </message>
    <message>
        <source>{1} from {0}</source>
        <comment>a number, then how many customers get it from that number</comment>
        <translation>{0}에서 {1}명</translation>
    </message>
    <message>
        <source>Each customer gets it from the number they last wrote to: {0}.</source>
        <translation>고객마다 마지막으로 연락한 번호에서 받아요: {0}.</translation>
    </message>
    <message numerus="yes">
        <source>%n never wrote to you: from the number your relay is set up with.</source>
        <translation>
            <numerusform>%n명은 연락한 적이 없어 릴레이에 설정된 번호에서 받아요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every recipient has written to {0} before.</source>
        <translation>받는 고객 모두 매장 번호 {0}(으)로 연락한 적이 있어요.</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) never wrote to {0}: it reaches them from a number they may not know, and their replies come to {0}.</source>
        <translation>
            <numerusform>%n명은 매장 번호 {0}(으)로 연락한 적이 없어요. 모르는 번호에서 받게 되고, 답장도 {0}(으)로 와요.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>릴레이</translation>
    </message>
    <message>
        <source>Otherwise a new message from the customer brings an archived chat back to the inbox. When kept archived, the Archived filter shows how many of them have unread messages.</source>
        <translation>끄면 고객이 새&#xa0;메시지를 보낼 때 보관된 채팅이 채팅 목록으로 돌아와요. 보관된 상태로 두면 보관됨 필터에 읽지 않은 메시지가 있는 채팅 수가 표시돼요.</translation>
    </message>
    <message>
        <source>The demo shop is never opened at sign-in.</source>
        <translation>데모 상점은 로그인할 때 열리지 않아요.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>내 상점</translation>
    </message>
    <message>
        <source>The country writes customers&apos; phone numbers as they are dialled there; new catalogue items and orders are priced in the currency (prices already set keep theirs).</source>
        <translation>고객 전화번호는 이&#xa0;국가에서 거는 방식으로 표시돼요. 새&#xa0;카탈로그 상품과 주문은 이&#xa0;통화로 가격을 매겨요(이미 정한 가격은 그대로예요).</translation>
    </message>
    <message>
        <source>Your bank account, shipping fee and payment deadline are in the order settings (Shop ▸ Order settings).</source>
        <translation>입금 계좌, 배송비, 입금 기한은 주문 설정(상점&#xa0;▸&#xa0;주문&#xa0;설정)에 있어요.</translation>
    </message>
    <message>
        <source>Business hours and the automatic replies to customers (also in the Shop menu):</source>
        <translation>영업시간과 고객에게 자동으로 보내는 메시지 (상점 메뉴에도 있어요):</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>내 데이터</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>계산 중…</translation>
    </message>
    <message>
        <source>This demo is not kept once it closes, so a backup cannot be restored into it.</source>
        <translation>이&#xa0;데모는 닫으면 남지 않아서 백업을 복원할 수 없어요.</translation>
    </message>
    <message>
        <source>Pick a USB stick, another disk, or a folder your cloud drive keeps (OneDrive, iCloud Drive).</source>
        <translation>USB 메모리, 다른 디스크, 또는 클라우드 드라이브가 보관하는 폴더(OneDrive, iCloud Drive)를 고르세요.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing here can be changed until you free some space and start Shop Inbox again. You can still save a backup on another disk.</source>
        <translation>디스크 공간이 가득 차서 공간을 비우고 샵&#xa0;인박스를 다시 시작할 때까지 여기서는 아무것도 바꿀 수 없어요. 백업은 다른 디스크에 저장할 수 있어요.</translation>
    </message>
    <message>
        <source>The demo is connected to its own simulated relay.</source>
        <translation>데모는 자체 가상 릴레이에 연결되어 있어요.</translation>
    </message>
    <message>
        <source>Save the changes to the settings?</source>
        <translation>설정 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <source>Using {size} on this computer</source>
        <translation>이 컴퓨터에서 {size} 사용 중</translation>
    </message>
    <message numerus="yes">
        <source>Of this, {size} is taken by %Ln earlier inboxes kept when backups were restored.</source>
        <translation>
            <numerusform>그중 {size}는 백업을 복원할 때 따로 보관한 이전 받은편지함 %Ln개예요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Relay token not saved</source>
        <translation>릴레이 토큰이 저장되지 않음</translation>
    </message>
    <message>
        <source>The relay at {url} refused the relay token kept on this computer. Paste that relay&apos;s own relay token (shop-inbox-relay token) in Relay token. Save the address anyway?</source>
        <translation>{url} 릴레이가 이&#xa0;컴퓨터에 보관된 릴레이 토큰을 거부했어요. 그&#xa0;릴레이의 릴레이 토큰(shop-inbox-relay token)을 릴레이 토큰 칸에 붙여 넣으세요. 그래도 주소를 저장할까요?</translation>
    </message>
    <message>
        <source>Relay address not saved</source>
        <translation>릴레이 주소가 저장되지 않음</translation>
    </message>
    <message>
        <source>Relay not reached</source>
        <translation>릴레이에 연결되지 않음</translation>
    </message>
    <message>
        <source>Unencrypted relay address</source>
        <translation>암호화되지 않는 릴레이 주소</translation>
    </message>
    <message>
        <source>Save this relay address anyway?</source>
        <translation>그래도 이&#xa0;릴레이 주소를 저장할까요?</translation>
    </message>
    <message>
        <source>Another shop&apos;s relay</source>
        <translation>다른 상점의 릴레이</translation>
    </message>
    <message>
        <source>This relay receives messages for a different WhatsApp number than the chats on this computer. Connected, the two numbers&apos; customers share one chat list, and a customer who wrote to both gets one chat.

If it is another shop&apos;s relay, cancel: the chats here stay as they are. Connect anyway?</source>
        <translation>이&#xa0;릴레이는 이&#xa0;컴퓨터의 채팅과 다른 WhatsApp 번호로 온 메시지를 받고 있어요. 연결하면 두&#xa0;번호의 고객이 한&#xa0;채팅 목록에 섞이고, 두&#xa0;곳 모두에 메시지를 보낸 고객은 채팅 하나로 합쳐져요.

다른 상점의 릴레이라면 취소하세요. 이&#xa0;컴퓨터의 채팅은 그대로 있어요. 그래도 연결할까요?</translation>
    </message>
    <message>
        <source>The {count} newest are kept; older ones there are removed, sooner when the disk runs out of room.</source>
        <translation>최근 백업 {count}개를 보관하고, 그보다 오래된 백업은 지워요. 디스크 공간이 모자라면 더 일찍 지워요.</translation>
    </message>
    <message>
        <source>Size unknown</source>
        <translation>크기 알 수 없음</translation>
    </message>
    <message>
        <source>Relay &amp;address</source>
        <translation>릴레이 주소(&amp;A)</translation>
    </message>
    <message>
        <source>Relay &amp;token</source>
        <translation>릴레이 토큰(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Enter sends the message (Shift+Enter for a new line)</source>
        <translation>Enter로 메시지 보내기(&amp;E) (줄바꿈은 Shift+Enter)</translation>
    </message>
    <message>
        <source>Show a &amp;notification for new messages</source>
        <translation>새 메시지 알림 표시(&amp;N)</translation>
    </message>
    <message>
        <source>Show the message te&amp;xt in notifications</source>
        <translation>알림에 메시지 내용 표시(&amp;X)</translation>
    </message>
    <message>
        <source>Keep notifying from the tray when the window is closed (&amp;quit from the tray icon&apos;s menu)</source>
        <translation>창을 닫아도 트레이에서 계속 알림 받기 - 종료는 트레이 아이콘 메뉴에서(&amp;Q)</translation>
    </message>
    <message>
        <source>This desktop has no tray: closing the window quits.</source>
        <translation>이&#xa0;데스크톱에는 트레이가 없어서 창을 닫으면 종료돼요.</translation>
    </message>
    <message>
        <source>Send read &amp;receipts (blue ticks) to customers</source>
        <translation>고객에게 읽음 확인(파란 체크) 보내기(&amp;R)</translation>
    </message>
    <message>
        <source>Keep chats archi&amp;ved when a customer writes</source>
        <translation>고객이 메시지를 보내도 채팅을 보관된 상태로 두기(&amp;V)</translation>
    </message>
    <message>
        <source>Open Shop Inbox when I sign &amp;in to this computer</source>
        <translation>이&#xa0;컴퓨터에 로그인하면 샵&#xa0;인박스 열기(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Open order settings…</source>
        <translation>주문 설정 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Business &amp;hours…</source>
        <translation>영업시간(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Greeting message…</source>
        <translation>인사 메시지(&amp;G)…</translation>
    </message>
    <message>
        <source>A&amp;way message…</source>
        <translation>자리 비움 메시지(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Menu bot…</source>
        <translation>메뉴 봇(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Delete them…</source>
        <translation>삭제(&amp;D)…</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>폴더 열기(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>지금 백업(&amp;B)…</translation>
    </message>
    <message>
        <source>Re&amp;store from backup…</source>
        <translation>백업에서 복원(&amp;S)…</translation>
    </message>
    <message>
        <source>Back u&amp;p every day to a folder</source>
        <translation>매일 폴더에 백업하기(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>폴더 선택(&amp;C)…</translation>
    </message>
    <message>
        <source>Your changes will be saved as soon as the settings are read…</source>
        <translation>설정을 다 읽는 대로 바꾼 내용을 저장해요…</translation>
    </message>
    <message>
        <source>The demo&apos;s relay cannot be changed, but you can check it: the check shows the demo shop&apos;s numbers and their health.</source>
        <translation>데모 릴레이는 바꿀 수 없지만 확인은 할 수 있어요: 확인하면 데모 가게 번호와 번호 상태를 보여 줘요.</translation>
    </message>
    <message>
        <source>Ask the demo&apos;s simulated relay how the demo shop&apos;s numbers are doing</source>
        <translation>데모의 가상 릴레이에게 데모 가게 번호의 상태를 물어봐요</translation>
    </message>
    <message>
        <source>Delete earlier inboxes</source>
        <translation>이전 받은편지함 삭제</translation>
    </message>
    <message>
        <source>Delete the inboxes kept when backups were restored? Your current chats are not touched.</source>
        <translation>백업을 복원할 때 따로 보관한 이전 받은편지함을 삭제할까요? 현재 채팅은 그대로 남아요.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Price not saved</source>
        <translation>가격을 저장하지 못했어요</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>설정을 저장하지 못했어요</translation>
    </message>
    <message>
        <source>Relay token refused</source>
        <translation>릴레이 토큰 거부됨</translation>
    </message>
    <message>
        <source>The relay refused this relay token. Save it anyway, in place of the one kept now?</source>
        <translation>릴레이가 이&#xa0;릴레이 토큰을 거부했어요. 그래도 지금 보관된 토큰 대신 저장할까요?</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>그래도 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Co&amp;nnect anyway</source>
        <translation>그래도 연결(&amp;N)</translation>
    </message>
    <message>
        <source>Back up every day to</source>
        <translation>매일 백업할 폴더</translation>
    </message>
    <message>
        <source>The last daily backup failed: {reason}</source>
        <translation>마지막 자동 백업이 실패했어요: {reason}</translation>
    </message>
    <message>
        <source>Looking for the last backup…</source>
        <translation>마지막 백업을 찾는 중…</translation>
    </message>
    <message>
        <source>Last backup: {when}.</source>
        <translation>마지막 백업: {when}.</translation>
    </message>
    <message>
        <source>No backup there yet: one is made once you save, then every day.</source>
        <translation>아직 이&#xa0;폴더에 백업이 없어요. 저장하면 바로 하나를 만들고, 그&#xa0;뒤로 매일 만들어요.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>백업 중…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>백업에서 복원</translation>
    </message>
    <message>
        <source>Open Shop Inbox by itself when you sign in to this computer?</source>
        <translation>이&#xa0;컴퓨터에 로그인하면 샵&#xa0;인박스를 자동으로 열까요?</translation>
    </message>
    <message>
        <source>&amp;Open at sign-in</source>
        <translation>로그인하면 열기(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t open</source>
        <translation>열지 않기(&amp;D)</translation>
    </message>
    <message>
        <source>Restore {file}, saved {when}?

Everything in Shop Inbox now (chats, orders, catalogue, quick replies and settings) will be replaced by what is in the backup. What is here now is kept aside in the data folder, not deleted. Shop Inbox starts again once the restore is done.</source>
        <translation>{when}에 저장된 {file}에서 복원할까요?

지금 샵&#xa0;인박스에 있는 모든 것(채팅, 주문, 카탈로그, 빠른 답장, 설정)이 백업에 있는 것으로 바뀌어요. 지금 있는 데이터는 지우지 않고 데이터 폴더에 따로 보관해요. 복원이 끝나면 샵&#xa0;인박스가 다시 시작돼요.</translation>
    </message>
    <message>
        <source>Restore {file}, saved {when}?

The chats, orders, catalogue, quick replies and settings in the backup come to this computer, and Shop Inbox opens on them.</source>
        <translation>{when}에 저장된 {file}에서 복원할까요?

백업에 있는 채팅, 주문, 카탈로그, 빠른 답장, 설정을 이&#xa0;컴퓨터로 가져오고, 샵&#xa0;인박스가 그&#xa0;내용으로 열려요.</translation>
    </message>
    <message>
        <source>This is a backup of the demo shop, made while trying Shop Inbox: its customers, chats and orders are made up. It holds nothing of your own shop.</source>
        <translation>이&#xa0;백업은 샵&#xa0;인박스를 사용해 볼 때 만든 데모 상점의 백업이에요. 고객, 채팅, 주문이 모두 가상으로 만든 것이고, 내&#xa0;상점의 데이터는 하나도 없어요.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>복원(&amp;R)</translation>
    </message>
</context>
<context>
    <name>SetupItemsNotice</name>
    <message>
        <source>Ho&amp;w to fix…</source>
        <translation>고치는 방법(&amp;W)…</translation>
    </message>
    <message>
        <source>Open Settings ▸ Relay, where the relay&apos;s check says what to do</source>
        <translation>설정&#xa0;▸&#xa0;릴레이를 열어요. 릴레이 점검 결과에서 무엇을 해야 하는지 알려 줘요</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>“{title}”</translation>
    </message>
    <message>
        <source>one more thing (Settings&#xa0;▸&#xa0;Relay says what)</source>
        <translation>한&#xa0;가지 더(무엇인지는 설정&#xa0;▸&#xa0;릴레이에서 볼 수 있어요)</translation>
    </message>
    <message>
        <source>{count} more things (Settings&#xa0;▸&#xa0;Relay says what)</source>
        <translation>{count}가지 더(무엇인지는 설정&#xa0;▸&#xa0;릴레이에서 볼 수 있어요)</translation>
    </message>
    <message>
        <source>Customers&apos; messages reach this inbox, but your relay&apos;s check still finds something to fix: {items}.</source>
        <translation>고객 메시지는 이&#xa0;받은편지함에 들어오지만, 릴레이 점검에서 아직 고칠 것이 있어요: {items}.</translation>
    </message>
    <message>
        <source>Customers&apos; messages cannot reach this inbox yet. Still to fix on your relay: {items}.</source>
        <translation>고객 메시지가 아직 이&#xa0;받은편지함에 들어올 수 없어요. 릴레이에서 아직 고칠 것: {items}.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Shop Inbox</source>
        <translation>샵 인박스 설정</translation>
    </message>
    <message>
        <source>Welcome to Shop Inbox</source>
        <translation>샵 인박스에 오신 것을 환영해요</translation>
    </message>
    <message>
        <source>Answer your WhatsApp customers from this computer.</source>
        <translation>이&#xa0;컴퓨터에서 WhatsApp 고객에게 답장하세요.</translation>
    </message>
    <message>
        <source>To connect your shop&apos;s WhatsApp number you need its relay address and relay token. Not ready yet? Try the demo shop first: nothing you do there touches your own data.</source>
        <translation>상점의 WhatsApp 번호를 연결하려면 릴레이 주소와 릴레이 토큰이 필요해요. 아직 준비되지 않았나요? 먼저 데모 상점을 사용해 보세요. 데모에서 하는 일은 내&#xa0;데이터에 영향을 주지 않아요.</translation>
    </message>
    <message>
        <source>&amp;Try the demo</source>
        <translation>데모 사용해 보기(&amp;T)</translation>
    </message>
    <message>
        <source>The demo shop opens in a window of its own. Close it when you have seen enough: this setup waits here for you.</source>
        <translation>데모 상점은 별도의 창에서 열려요. 다 둘러보신 뒤 그&#xa0;창을 닫으면 이&#xa0;설정 화면으로 돌아와요.</translation>
    </message>
    <message>
        <source>&amp;Import chats exported from your phone…</source>
        <translation>휴대폰에서 내보낸 채팅 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup from your old computer…</source>
        <translation>이전 컴퓨터의 백업에서 복원(&amp;R)…</translation>
    </message>
    <message>
        <source>No relay yet? Choose “Set up later” (or close this window): you can connect one any time with File ▸ Settings, and bring in past chats with File ▸ Import chat from phone.</source>
        <translation>아직 릴레이가 없나요? “나중에 설정”을 누르세요(이&#xa0;창을 닫아도 같아요). 릴레이는 언제든 파일&#xa0;▸&#xa0;설정에서 연결하고, 지난 채팅은 파일&#xa0;▸&#xa0;휴대폰에서&#xa0;채팅&#xa0;가져오기로 불러올 수 있어요.</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 뒤로(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>다음(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>완료(&amp;F)</translation>
    </message>
    <message>
        <source>Set up &amp;later</source>
        <translation>나중에 설정(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln chat(s)</source>
        <translation>
            <numerusform>채팅 %Ln개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>메시지 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported from your phone: {chats}, {messages}.</source>
        <translation>휴대폰에서 가져왔어요: {chats}, {messages}.</translation>
    </message>
    <message>
        <source>What next: press Next to connect your relay, so new messages arrive here too. No relay yet? Choose “Set up later” to look through these chats now. Help ▸ Try the demo shop shows a shop with live customers any time.</source>
        <translation>다음 단계: “다음”을 눌러 릴레이를 연결하면 새&#xa0;메시지도 여기로 들어와요. 아직 릴레이가 없나요? “나중에 설정”을 누르고 가져온 채팅부터 둘러보세요. 도움말&#xa0;▸&#xa0;데모&#xa0;상점&#xa0;둘러보기에서는 가상 고객이 메시지를 보내는 상점을 언제든 볼 수 있어요.</translation>
    </message>
    <message>
        <source>&amp;Import another chat…</source>
        <translation>다른 채팅 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Backup not restored</source>
        <translation>백업을 복원하지 못했어요</translation>
    </message>
    <message>
        <source>Press Finish to try again, or choose “Set up later”: File ▸ Settings takes the relay token any time.</source>
        <translation>완료를 눌러 다시 시도하거나 “나중에 설정”을 고르세요. 릴레이 토큰은 언제든 파일&#xa0;▸&#xa0;설정에서 넣을 수 있어요.</translation>
    </message>
    <message>
        <source>Leave the setup?</source>
        <translation>설정을 그만둘까요?</translation>
    </message>
    <message>
        <source>The relay address you typed is not kept: a relay is kept once Check connection passes. Leave now and connect your relay later with File&#xa0;▸&#xa0;Settings?</source>
        <translation>입력한 릴레이 주소는 보관되지 않아요. 릴레이는 연결 확인을 통과해야 보관돼요. 지금 그만두고 나중에 파일&#xa0;▸&#xa0;설정에서 릴레이를 연결할까요?</translation>
    </message>
    <message>
        <source>&amp;Leave setup</source>
        <translation>설정 그만두기(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Keep setting up</source>
        <translation>계속 설정하기(&amp;K)</translation>
    </message>
    <message>
        <source>Quit Shop Inbox?</source>
        <translation>샵&#xa0;인박스를 종료할까요?</translation>
    </message>
    <message>
        <source>The relay address and relay token you typed are not kept, and the setup opens again at the next start. Quit now?</source>
        <translation>입력한 릴레이 주소와 릴레이 토큰은 보관되지 않고, 다음에 시작할 때 설정이 다시 열려요. 지금 종료할까요?</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>ShareLinkDialog</name>
    <message>
        <source>Share link</source>
        <translation>공유 링크</translation>
    </message>
    <message>
        <source>Hello! I would like to ask about {0} ({1}).</source>
        <translation>안녕하세요! {0} ({1}) 문의드려요.</translation>
    </message>
    <message>
        <source>Hello! I would like to order.</source>
        <translation>안녕하세요! 주문하고 싶어요.</translation>
    </message>
    <message>
        <source>Customers who scan the code or open the link start a WhatsApp chat with your shop.</source>
        <translation>고객이 QR 코드를 스캔하거나 링크를 열면 가게와 WhatsApp 대화가 시작돼요.</translation>
    </message>
    <message>
        <source>Shop number</source>
        <translation>가게 번호</translation>
    </message>
    <message>
        <source>Your WhatsApp number, e.g. {0}</source>
        <translation>WhatsApp 번호, 예: {0}</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>링크</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>링크 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save QR code…</source>
        <translation>QR 코드 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Shop &amp;number</source>
        <translation>가게 번호(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>메시지(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>링크(&amp;L)</translation>
    </message>
    <message>
        <source>Enter the shop&apos;s WhatsApp number, with its country code if abroad.</source>
        <translation>가게의 WhatsApp 번호를 입력하세요. 해외 번호는 국가 번호를 붙여 주세요.</translation>
    </message>
    <message>
        <source>Enter the shop&apos;s WhatsApp number to make the link.</source>
        <translation>링크를 만들려면 가게의 WhatsApp 번호를 입력하세요.</translation>
    </message>
    <message>
        <source>The message is long; only its first 1000 characters are kept.</source>
        <translation>메시지가 길어요. 앞의 1000자만 사용돼요.</translation>
    </message>
    <message>
        <source>&amp;Copied</source>
        <translation>복사됨(&amp;C)</translation>
    </message>
    <message>
        <source>Save QR code</source>
        <translation>QR 코드 저장</translation>
    </message>
    <message>
        <source>whatsapp-qr.png</source>
        <comment>the saved QR code&apos;s suggested file name</comment>
        <translation>WhatsApp QR 코드.png</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG for printing (*.svg)</source>
        <translation>PNG 이미지 (*.png);;인쇄용 SVG (*.svg)</translation>
    </message>
</context>
<context>
    <name>SharedMediaList</name>
    <message>
        <source>Media and documents</source>
        <translation>미디어 및 문서</translation>
    </message>
    <message>
        <source>Nothing shared yet</source>
        <translation>아직 공유된 항목이 없어요</translation>
    </message>
</context>
<context>
    <name>ShipToForm</name>
    <message>
        <source>Postcode (5 digits)</source>
        <translation>우편번호 (5자리)</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>우편번호 (ZIP)</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>우편번호</translation>
    </message>
    <message>
        <source>Sa&amp;ve address</source>
        <translation>배송지 저장(&amp;V)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>저장했어요</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>받는 분</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>배송메모</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>받는 분 이름</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>Apartment, floor…</source>
        <translation>상세주소 (동·호수 등)</translation>
    </message>
    <message>
        <source>Delivery memo (e.g. leave at the door)</source>
        <translation>배송메모 (예: 문 앞에 놓아 주세요)</translation>
    </message>
    <message>
        <source>Read from the address line. Type over it if it is not right.</source>
        <translation>주소에서 찾은 우편번호예요. 맞지 않으면 고쳐 입력해 주세요.</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>Your shop</source>
        <translation>내 상점</translation>
    </message>
    <message>
        <source>Used to show phone numbers and prices the way your customers write them.</source>
        <translation>고객이 쓰는 방식대로 전화번호와 가격을 표시하는 데 사용해요.</translation>
    </message>
    <message>
        <source>Open Shop Inbox when I sign &amp;in to this computer</source>
        <translation>이&#xa0;컴퓨터에 로그인하면 샵&#xa0;인박스 열기(&amp;I)</translation>
    </message>
    <message>
        <source>Keeping the relay token in this computer&apos;s password store…</source>
        <translation>릴레이 토큰을 이&#xa0;컴퓨터의 비밀번호 저장소에 보관하는 중…</translation>
    </message>
</context>
<context>
    <name>ShopPlaceFields</name>
    <message>
        <source>Countr&amp;y</source>
        <translation>국가(&amp;Y)</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>통화(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>하는 일</translation>
    </message>
    <message>
        <source>Previous chat</source>
        <translation>이전 채팅</translation>
    </message>
    <message>
        <source>Next chat</source>
        <translation>다음 채팅</translation>
    </message>
    <message>
        <source>Close the search, the contact panel or a notice; cancel a reply</source>
        <translation>검색, 연락처 패널, 알림 닫기, 답장 취소</translation>
    </message>
    <message>
        <source>Next pane: chats, messages, message field, contact panel</source>
        <translation>다음 영역: 채팅 목록, 메시지, 메시지 입력란, 연락처 패널</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>이전 영역</translation>
    </message>
    <message>
        <source>On a message: open its photo, file or order, or the message it answers</source>
        <translation>메시지에서: 사진, 파일, 주문 열기 또는 답장한 원래 메시지로 가기</translation>
    </message>
    <message>
        <source>Chat list: All, Unread, Archived, Labels</source>
        <translation>채팅 목록: 전체, 읽지 않음, 보관됨, 라벨</translation>
    </message>
    <message>
        <source>Chat list: the chats to one of your numbers, or to all</source>
        <translation>채팅 목록: 매장 번호 하나로 온 채팅, 또는 전체</translation>
    </message>
    <message>
        <source>Chat list: your other number&apos;s unread chats</source>
        <translation>채팅 목록: 다른 매장 번호의 읽지 않은 채팅</translation>
    </message>
    <message>
        <source>Chat list: show the chats with new messages at the top</source>
        <translation>채팅 목록: 새&#xa0;메시지가 온 채팅을 맨 위에 보여 주기</translation>
    </message>
    <message>
        <source>Not connected: try again now (or Start again, where it says so)</source>
        <translation>연결 안 됨: 지금 다시 시도(안내가 있으면 다시 시작)</translation>
    </message>
    <message>
        <source>Disk full: open the folder that holds your inbox</source>
        <translation>디스크 공간 부족: 받은편지함 파일이 있는 폴더 열기</translation>
    </message>
    <message>
        <source>Away message on at all hours: back to its hours</source>
        <translation>자리 비움 메시지가 항상 켜져 있을 때: 정해 둔 시간으로 돌리기</translation>
    </message>
    <message>
        <source>Changes kept from before the app closed: discard them</source>
        <translation>앱이 닫히기 전에 저장하지 못한 변경 내용: 버리기</translation>
    </message>
    <message>
        <source>Let the menu bot answer the open chat again</source>
        <translation>열린 채팅에 메뉴 봇이 다시 답하게 하기</translation>
    </message>
    <message>
        <source>Contact info: agreed to marketing messages at night too</source>
        <translation>연락처 정보: 야간 광고성 메시지 수신에도 동의함</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>메시지 보내기</translation>
    </message>
    <message>
        <source>New line in the message (Settings ▸ Enter sends the message)</source>
        <translation>메시지 줄바꿈 (설정&#xa0;▸&#xa0;Enter로&#xa0;메시지&#xa0;보내기)</translation>
    </message>
    <message>
        <source>Quick replies: type / and a few letters, then Enter or Tab to insert</source>
        <translation>빠른 답장: /와 몇&#xa0;글자를 입력한 뒤 Enter나 Tab으로 넣기</translation>
    </message>
    <message>
        <source>Catalogue: type # at the start of a word to pick items to send</source>
        <translation>카탈로그: 단어 맨 앞에서 # 입력 후 보낼 상품 고르기</translation>
    </message>
    <message>
        <source>Reply to the selected message</source>
        <translation>선택한 메시지에 답장</translation>
    </message>
    <message>
        <source>Copy the selected messages</source>
        <translation>선택한 메시지 복사</translation>
    </message>
    <message>
        <source>Save, in the catalogue, quick replies, greeting, away message and other Shop windows</source>
        <translation>저장 (카탈로그, 빠른 답장, 인사 메시지, 자리 비움 메시지 등 상점 메뉴의 창에서)</translation>
    </message>
    <message>
        <source>Business hours: add hours to the day the cursor is in</source>
        <translation>영업시간: 커서가 있는 요일에 시간 추가</translation>
    </message>
    <message>
        <source>Business hours: remove the hours the cursor is in</source>
        <translation>영업시간: 커서가 있는 시간 제거</translation>
    </message>
    <message>
        <source>Menu bot: start the simulated chat over</source>
        <translation>메뉴 봇: 시험 대화를 처음부터 다시 시작</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>채팅</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>메시지 쓰기</translation>
    </message>
    <message>
        <source>Shop windows</source>
        <translation>상점 메뉴의 창</translation>
    </message>
    <message>
        <source>Menus</source>
        <translation>메뉴</translation>
    </message>
</context>
<context>
    <name>SignInChoice</name>
    <message>
        <source>Settings not saved</source>
        <translation>설정을 저장하지 못했어요</translation>
    </message>
    <message>
        <source>The computer did not let Shop Inbox change what opens when you sign in ({reason}).</source>
        <translation>컴퓨터가 로그인할 때 여는 프로그램을 샵&#xa0;인박스가 바꾸지 못하게 했어요({reason}).</translation>
    </message>
</context>
<context>
    <name>Simulator</name>
    <message>
        <source>Try it as a customer</source>
        <translation>고객이 되어 써 보기</translation>
    </message>
    <message>
        <source>Simulated conversation</source>
        <translation>시험 대화</translation>
    </message>
    <message>
        <source>Rows and buttons of the last menu</source>
        <translation>마지막 메뉴의 항목과 버튼</translation>
    </message>
    <message>
        <source>Write as a customer…</source>
        <translation>고객처럼 써 보세요…</translation>
    </message>
    <message>
        <source>Message as a customer</source>
        <translation>고객 메시지</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>처음부터</translation>
    </message>
    <message>
        <source>Start the simulated chat again from its first message</source>
        <translation>시험 대화를 첫&#xa0;메시지부터 다시 시작해요</translation>
    </message>
    <message>
        <source>Until the problem under the editor is fixed, this answers as your last menu without one.</source>
        <translation>편집기 아래의 문제를 고칠 때까지는 문제가 없던 마지막 메뉴대로 답해요.</translation>
    </message>
    <message>
        <source>As a customer writing to your number {0}. Each of your numbers is a chat of its own: the customer&apos;s place in the menu and a hand-off to a person stay in that number&apos;s chat.</source>
        <translation>매장 번호 {0}(으)로 연락한 고객이 되어 써 봐요. 매장 번호마다 채팅이 따로라서, 고객이 보고 있는 메뉴와 직원 연결도 그&#xa0;번호의 채팅에만 적용돼요.</translation>
    </message>
    <message>
        <source>Writing as {0}, the customer of order {1}.</source>
        <translation>{1} 주문의 고객 {0}님으로 쓰고 있어요.</translation>
    </message>
    <message>
        <source>Kim</source>
        <translation>김민지</translation>
    </message>
    <message>
        <source>This message opts the customer out of marketing messages.</source>
        <translation>이&#xa0;메시지는 광고 메시지 수신 거부로 처리돼요.</translation>
    </message>
    <message>
        <source>The chat is with a person now: the bot stays quiet here.</source>
        <translation>지금은 상담원이 맡은 채팅이라 봇이 답하지 않아요.</translation>
    </message>
    <message>
        <source>The bot does not answer this: your greeting and away message do.</source>
        <translation>봇은 이&#xa0;메시지에 답하지 않아요. 대신 인사 메시지와 자리 비움 메시지가 나가요.</translation>
    </message>
    <message>
        <source>The bot does not answer this: your greeting does.</source>
        <translation>봇은 이&#xa0;메시지에 답하지 않아요. 대신 인사 메시지가 나가요.</translation>
    </message>
    <message>
        <source>The bot does not answer this: your away message does.</source>
        <translation>봇은 이&#xa0;메시지에 답하지 않아요. 대신 자리 비움 메시지가 나가요.</translation>
    </message>
    <message>
        <source>Nothing is sent: the bot does not answer this, and no greeting or away message is due.</source>
        <translation>아무것도 나가지 않아요. 봇이 답하지 않고, 지금은 인사 메시지나 자리 비움 메시지를 보낼 때도 아니에요.</translation>
    </message>
    <message>
        <source>The bot sent its most messages for this hour: it stays quiet.</source>
        <translation>봇이 이번 한&#xa0;시간 동안 보낼 수 있는 메시지를 모두 보냈어요. 잠시 답하지 않아요.</translation>
    </message>
    <message>
        <source>The bot takes this message but has nothing to send.</source>
        <translation>봇이 이&#xa0;메시지를 받았지만 보낼 내용이 없어요.</translation>
    </message>
    <message>
        <source>This simulated customer has no orders. Write one of your order numbers (such as {0}) to ask as that order&apos;s customer.</source>
        <translation>이&#xa0;가상 고객은 주문이 없어요. 주문번호(예: {0})를 함께 쓰면 그&#xa0;주문의 고객으로 물어볼 수 있어요.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Shop Inbox</source>
        <translation>샵 인박스</translation>
    </message>
    <message>
        <source>Shop Inbox is already open on this computer, but its window could not be brought to the front. Look for it on the taskbar, or in the tray if its window was closed.</source>
        <translation>샵&#xa0;인박스가 이미 이&#xa0;컴퓨터에서 열려 있지만 그&#xa0;창을 앞으로 가져오지 못했어요. 작업 표시줄에서 찾아보세요. 창을 닫았다면 트레이에 있어요.</translation>
    </message>
</context>
<context>
    <name>SizeText</name>
    <message>
        <source>{0} B</source>
        <translation>{0}B</translation>
    </message>
    <message>
        <source>{0} kB</source>
        <translation>{0}KB</translation>
    </message>
    <message>
        <source>{0} MB</source>
        <translation>{0}MB</translation>
    </message>
    <message>
        <source>{0} GB</source>
        <translation>{0}GB</translation>
    </message>
    <message>
        <source>{0} TB</source>
        <translation>{0}TB</translation>
    </message>
</context>
<context>
    <name>SpokenChat</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>전송 대기 중</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>읽음</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>전송 안 됨</translation>
    </message>
    <message>
        <source>Needs a person here and on your numbers {0}</source>
        <translation>이&#xa0;채팅과 매장 번호 {0}에서 상담&#xa0;필요</translation>
    </message>
    <message>
        <source>Needs a person here and on your number {0}</source>
        <translation>이&#xa0;채팅과 매장 번호 {0}에서 상담&#xa0;필요</translation>
    </message>
    <message>
        <source>Needs a person on your numbers {0}</source>
        <translation>매장 번호 {0}에서 상담&#xa0;필요</translation>
    </message>
    <message>
        <source>Group chat archive</source>
        <translation>그룹 채팅 보관</translation>
    </message>
    <message>
        <source>Needs a person</source>
        <translation>상담&#xa0;필요</translation>
    </message>
    <message>
        <source>Needs a person on your number {0}</source>
        <translation>매장 번호 {0}에서 상담&#xa0;필요</translation>
    </message>
    <message>
        <source>Needs a person on your other number</source>
        <translation>다른 매장 번호에서 상담&#xa0;필요</translation>
    </message>
    <message>
        <source>To your number {0}</source>
        <translation>매장 번호 {0}</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>고정됨</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>차단됨</translation>
    </message>
    <message>
        <source>Labels: {0}</source>
        <translation>라벨: {0}</translation>
    </message>
    <message>
        <source>Draft: {0}</source>
        <translation>임시 저장: {0}</translation>
    </message>
    <message>
        <source>You: {0}</source>
        <translation>나: {0}</translation>
    </message>
</context>
<context>
    <name>SpokenMessage</name>
    <message>
        <source>{sender}: {message}</source>
        <translation>{sender}: {message}</translation>
    </message>
    <message>
        <source>Sent from your number {0}</source>
        <translation>매장 번호 {0}에서 보낸 메시지</translation>
    </message>
    <message>
        <source>Came in on your number {0}</source>
        <translation>매장 번호 {0}(으)로 들어온 메시지</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>{who} reacted {reaction}</source>
        <translation>{who} 님이 {reaction} 반응을 남겼어요</translation>
    </message>
    <message>
        <source>You reacted {0}</source>
        <translation>내가 {0} 반응을 남겼어요</translation>
    </message>
    <message>
        <source>Replying to {0}</source>
        <translation>답장한 메시지: {0}</translation>
    </message>
</context>
<context>
    <name>StartOrderDialog</name>
    <message>
        <source>New order for {0}</source>
        <translation>{0}님의 새 주문</translation>
    </message>
    <message>
        <source>Search the catalogue by name or code</source>
        <translation>상품명이나 상품 코드로 카탈로그 검색</translation>
    </message>
    <message>
        <source>Search the catalogue</source>
        <translation>카탈로그 검색</translation>
    </message>
    <message>
        <source>Catalogue items found</source>
        <translation>찾은 카탈로그 상품</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>주문 품목</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>상품 금액</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>배송비</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>품절</translation>
    </message>
    <message>
        <source>Add “{0}” (not in the catalogue: you type its price)</source>
        <translation>“{0}” 추가 (카탈로그에 없는 상품: 가격은 직접 입력해요)</translation>
    </message>
    <message>
        <source>Change order {0}</source>
        <translation>주문 {0} 변경</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>상품 삭제(&amp;R)</translation>
    </message>
    <message>
        <source>Shipping &amp;fee</source>
        <translation>배송비(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Discount</source>
        <translation>할인(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>메모(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Create order</source>
        <translation>주문 만들기(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>변경 저장(&amp;S)</translation>
    </message>
    <message>
        <source>{0} in stock</source>
        <translation>재고 {0}개</translation>
    </message>
    <message>
        <source>“{0}” is sold out: no stock is left to promise. Add it anyway?</source>
        <translation>“{0}” 상품은 품절이에요. 더 팔 수 있는 재고가 없어요. 그래도 추가할까요?</translation>
    </message>
    <message>
        <source>&amp;Add anyway</source>
        <translation>그래도 추가(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>바꾼 내용 버리기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>계속 작성(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Discard order</source>
        <translation>주문 만들지 않기(&amp;D)</translation>
    </message>
    <message>
        <source>Free shipping (orders of {0} or more)</source>
        <translation>무료 배송 ({0} 이상 주문)</translation>
    </message>
    <message>
        <source>The shop&apos;s fees are in {0}: type this order&apos;s fee.</source>
        <translation>가게 배송비는 {0} 기준이에요. 이&#xa0;주문의 배송비를 입력해 주세요.</translation>
    </message>
    <message>
        <source>Type the price of “{0}” in its line.</source>
        <translation>“{0}”의 가격을 그&#xa0;줄에 입력해 주세요.</translation>
    </message>
    <message>
        <source>({0} +{1})</source>
        <translation>({0} +{1})</translation>
    </message>
    <message>
        <source>(paid on order {0}: {1}; left to pay {2})</source>
        <translation>(원래 주문 {0}에서 옮긴 결제 {1}, 남은 결제 금액 {2})</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>바꾼 내용을 버릴까요?</translation>
    </message>
    <message>
        <source>Close without saving? The order keeps its items and amounts as they were.</source>
        <translation>저장하지 않고 닫을까요? 주문의 상품과 금액은 그대로 남아요.</translation>
    </message>
    <message>
        <source>Discard this order?</source>
        <translation>이&#xa0;주문을 버릴까요?</translation>
    </message>
    <message>
        <source>Close without creating the order? The lines you added are not kept.</source>
        <translation>주문을 만들지 않고 닫을까요? 추가한 상품은 남지 않아요.</translation>
    </message>
</context>
<context>
    <name>StartupError</name>
    <message>
        <source>The disk is full, so Shop Inbox cannot start. Your chats are safe: free some space on this computer, then start Shop Inbox again.</source>
        <translation>디스크 공간이 가득 차서 샵&#xa0;인박스를 시작할 수 없어요. 채팅은 안전해요. 이&#xa0;컴퓨터의 공간을 비운 뒤 샵&#xa0;인박스를 다시 시작해 주세요.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong while Shop Inbox was starting. Please start it again. If this keeps happening, copy the details and send them to whoever helps you with Shop Inbox.</source>
        <translation>샵&#xa0;인박스를 시작하는 중에 예상하지 못한 문제가 생겼어요. 다시 시작해 보세요. 계속 이런 일이 생기면 자세한 내용을 복사해서 샵&#xa0;인박스 설치를 도와준 분께 보내 주세요.</translation>
    </message>
    <message>
        <source>Your inbox could not be updated</source>
        <translation>받은편지함을 업데이트하지 못했어요</translation>
    </message>
    <message>
        <source>The demo shop could not open</source>
        <translation>데모 상점을 열지 못했어요</translation>
    </message>
    <message>
        <source>Your inbox file cannot be read</source>
        <translation>받은편지함 파일을 읽을 수 없어요</translation>
    </message>
    <message>
        <source>The disk is full, so there is no log file for this start; copy the details instead.</source>
        <translation>디스크가 가득 차서 이번 실행의 기록 파일을 남기지 못했어요. 대신 자세한 내용을 복사하세요.</translation>
    </message>
    <message>
        <source>There is no log file for this start; copy the details instead.</source>
        <translation>이번 실행에는 기록 파일이 없어요. 대신 자세한 내용을 복사하세요.</translation>
    </message>
    <message>
        <source>The disk of {0} is full, so there is no log file for this start; copy the details instead.</source>
        <translation>{0} 폴더가 있는 디스크가 가득 차서 이번 실행의 기록 파일을 남기지 못했어요. 대신 자세한 내용을 복사하세요.</translation>
    </message>
    <message>
        <source>Shop Inbox may not write in {0}, so there is no log file for this start; copy the details instead.</source>
        <translation>샵&#xa0;인박스가 {0}에 쓸 수 없어서 이번 실행의 기록 파일을 남기지 못했어요. 대신 자세한 내용을 복사하세요.</translation>
    </message>
    <message>
        <source>No log file could be written in {0} for this start; copy the details instead.</source>
        <translation>{0}에 이번 실행의 기록 파일을 쓰지 못했어요. 대신 자세한 내용을 복사하세요.</translation>
    </message>
</context>
<context>
    <name>StartupErrorDialog</name>
    <message>
        <source>Shop Inbox could not start</source>
        <translation>샵 인박스를 시작하지 못했어요</translation>
    </message>
    <message>
        <source>What happened is written in this file:</source>
        <translation>무슨 일이 있었는지 이&#xa0;파일에 적혀 있어요:</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>자세한 내용 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>다시 시작(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>백업에서 복원(&amp;R)…</translation>
    </message>
    <message>
        <source>Start with an &amp;empty inbox…</source>
        <translation>빈 받은편지함으로 시작(&amp;E)…</translation>
    </message>
    <message>
        <source>Start the demo &amp;afresh</source>
        <translation>데모 새로 시작(&amp;A)</translation>
    </message>
    <message>
        <source>Details &amp;copied</source>
        <translation>자세한 내용을 복사했어요(&amp;C)</translation>
    </message>
</context>
<context>
    <name>SurchargeBox</name>
    <message>
        <source>Re&amp;mote area (islands, mountains): add the surcharge</source>
        <translation>도서산간 지역: 추가 배송비 적용(&amp;M)</translation>
    </message>
    <message>
        <source>Add the s&amp;urcharge for {0}</source>
        <translation>{0} 추가 배송비 적용(&amp;U)</translation>
    </message>
    <message>
        <source>Surc&amp;harge for</source>
        <translation>추가 배송비 지역(&amp;H)</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>Surcharges</name>
    <message>
        <source>remote area</source>
        <translation>도서산간</translation>
    </message>
    <message>
        <source>Highlands &amp; Islands</source>
        <translation>스코틀랜드 하일랜드·섬</translation>
    </message>
    <message>
        <source>Northern Ireland</source>
        <translation>북아일랜드</translation>
    </message>
    <message>
        <source>offshore islands</source>
        <translation>영국 본토 밖 섬</translation>
    </message>
    <message>
        <source>Alaska &amp; Hawaii</source>
        <translation>알래스카·하와이</translation>
    </message>
    <message>
        <source>US territories</source>
        <translation>미국 해외 영토</translation>
    </message>
    <message>
        <source>surcharge</source>
        <translation>추가 배송비</translation>
    </message>
    <message>
        <source>Islands and mountain areas</source>
        <translation>섬·산간 지역</translation>
    </message>
    <message>
        <source>Scottish Highlands and islands: IV, HS, KW, ZE and some AB, FK, KA, PA, PH postcodes</source>
        <translation>스코틀랜드 하일랜드와 섬 지역: IV, HS, KW, ZE와 일부 AB, FK, KA, PA, PH 우편번호</translation>
    </message>
    <message>
        <source>Northern Ireland: BT postcodes</source>
        <translation>북아일랜드: BT 우편번호</translation>
    </message>
    <message>
        <source>Isle of Man, Channel Islands and Isles of Scilly: IM, GY, JE and TR21–TR25</source>
        <translation>맨섬, 채널 제도, 실리 제도: IM, GY, JE, TR21–TR25 우편번호</translation>
    </message>
    <message>
        <source>Alaska and Hawaii: AK and HI addresses</source>
        <translation>알래스카와 하와이: AK, HI 주소</translation>
    </message>
    <message>
        <source>Puerto Rico, Guam, US Virgin Islands and other territories; APO/FPO/DPO addresses</source>
        <translation>푸에르토리코, 괌, 미국령 버진아일랜드 등 미국 해외 영토와 APO/FPO/DPO 군 우편 주소</translation>
    </message>
</context>
<context>
    <name>SyncBanner</name>
    <message>
        <source>&amp;Keep mine</source>
        <translation>내 버전 유지(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Use the other version</source>
        <translation>다른 버전 사용(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>지금 보내기(&amp;S)</translation>
    </message>
    <message>
        <source>Greeting: {0}</source>
        <translation>인사 메시지: {0}</translation>
    </message>
    <message>
        <source>Away message: {0}</source>
        <translation>자리 비움 메시지: {0}</translation>
    </message>
    <message>
        <source>Business hours: {0}</source>
        <translation>영업시간: {0}</translation>
    </message>
    <message>
        <source>Shop name: {0}</source>
        <translation>가게 이름: {0}</translation>
    </message>
    <message>
        <source>Greeting text: {0}</source>
        <translation>인사 메시지 내용: {0}</translation>
    </message>
    <message>
        <source>Away message text: {0}</source>
        <translation>자리 비움 메시지 내용: {0}</translation>
    </message>
    <message>
        <source>Your changes are not saved yet: customers still get the saved version. Save to send your changes to the relay.</source>
        <translation>변경한 내용이 아직 저장되지 않았어요. 고객은 저장된 버전을 계속 받아요. 저장하면 변경한 내용이 릴레이로 전송돼요.</translation>
    </message>
    <message>
        <source>Not connected to a relay: what you save here is kept on this computer and goes to the relay once one is connected (File ▸ Settings).</source>
        <translation>릴레이에 연결되지 않음: 여기서 저장한 내용은 이&#xa0;컴퓨터에 보관되고, 릴레이를 연결하면(파일&#xa0;▸&#xa0;설정) 릴레이로 보내져요.</translation>
    </message>
    <message>
        <source>These rules were changed on another computer while your change waited. Nothing was overwritten: choose which version the relay should use.</source>
        <translation>내&#xa0;변경이 기다리는 동안 다른 컴퓨터에서 이&#xa0;설정을 바꿨어요. 아무것도 덮어쓰지 않았어요. 릴레이가 쓸 버전을 고르세요.</translation>
    </message>
    <message>
        <source>Your version:</source>
        <translation>내&#xa0;버전:</translation>
    </message>
    <message>
        <source>On the relay now:</source>
        <translation>지금 릴레이에 있는 버전:</translation>
    </message>
    <message>
        <source>Sending to the relay…</source>
        <translation>릴레이로 보내는 중…</translation>
    </message>
    <message>
        <source>Your relay refused this change, so it is kept on this computer and not sent again. {reason} Fix it and save, send it again once the relay is updated, or discard it in the main window.</source>
        <translation>릴레이가 이&#xa0;변경을 거부해서 이&#xa0;컴퓨터에만 저장되어 있고 다시 보내지 않아요. {reason} 고친 뒤 저장하거나, 릴레이를 업데이트한 뒤 다시 보내거나, 메인 창에서 변경 내용을 버려 주세요.</translation>
    </message>
    <message>
        <source>Not yet on the relay: your rules are kept on this computer and are sent when the relay answers. Until then the relay has no rules from you and sends no automatic messages.</source>
        <translation>아직 릴레이에 반영되지 않았어요. 설정은 이&#xa0;컴퓨터에 저장되어 있고, 릴레이가 응답하면 보내요. 그때까지 릴레이에는 설정이 하나도 없어서 자동 메시지를 보내지 않아요.</translation>
    </message>
    <message>
        <source>Not yet on the relay: your change is kept on this computer and is sent when the relay answers. Until then the relay still uses the previous rules.</source>
        <translation>아직 릴레이에 반영되지 않았어요. 변경 내용은 이&#xa0;컴퓨터에 저장되어 있고, 릴레이가 응답하면 보내요. 그때까지 릴레이는 이전 설정을 써요.</translation>
    </message>
    <message>
        <source>On the relay: customers get what you see here.</source>
        <translation>릴레이에 반영됨: 고객은 여기 보이는 대로 받아요.</translation>
    </message>
</context>
<context>
    <name>SyncedFolderNotice</name>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Close this notice</source>
        <translation>이 알림 닫기</translation>
    </message>
    <message>
        <source>Your data folder, {folder}, is inside {service}, which copies it to and from other computers while Shop Inbox writes to it: the inbox file can be damaged, above all with Shop Inbox open on two computers at once. Keep the data folder outside {service}; to have copies there, tick Settings ▸ Your data ▸ Back up every day to a folder and choose one in {service}.</source>
        <translation>데이터 폴더 {folder}은(는) {service} 안에 있어서, 샵&#xa0;인박스가 쓰는 동안 {service}이(가) 다른 컴퓨터와 주고받으며 복사해요. 그러면 받은편지함 파일이 손상될 수 있고, 두&#xa0;컴퓨터에서 샵&#xa0;인박스를 동시에 열면 더 위험해요. 데이터 폴더는 {service} 밖에 두세요. 복사본을 {service}에 두려면 설정&#xa0;▸&#xa0;내&#xa0;데이터&#xa0;▸&#xa0;매일&#xa0;폴더에&#xa0;백업하기를 켜고 {service} 안의 폴더를 고르세요.</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>Send a template</source>
        <translation>템플릿 보내기</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <source>Approved templates</source>
        <translation>승인된 템플릿</translation>
    </message>
    <message>
        <source>Send template</source>
        <translation>템플릿 보내기</translation>
    </message>
    <message>
        <source>This customer has not written yet. WhatsApp only lets you start the conversation with an approved template.</source>
        <translation>이&#xa0;고객은 아직 메시지를 보낸 적이 없어요. WhatsApp에서는 승인된 템플릿으로만 대화를 시작할 수 있어요.</translation>
    </message>
    <message>
        <source>More than 24 hours have passed since this customer last wrote. WhatsApp only lets you start the conversation again with an approved template.</source>
        <translation>이&#xa0;고객이 마지막으로 메시지를 보낸 지 24시간이 지났어요. WhatsApp에서는 승인된 템플릿으로만 대화를 다시 시작할 수 있어요.</translation>
    </message>
    <message>
        <source>No approved templates yet. Create them in WhatsApp Manager.</source>
        <translation>승인된 템플릿이 아직 없어요. WhatsApp 관리자에서 만드세요.</translation>
    </message>
    <message>
        <source>Your relay can&apos;t reach WhatsApp right now, so the templates could not be loaded. Try again in a moment.</source>
        <translation>릴레이가 지금 WhatsApp에 연결할 수 없어 템플릿을 불러오지 못했어요. 잠시 후 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>The templates could not be loaded. {reason}</source>
        <translation>템플릿을 불러오지 못했어요. {reason}</translation>
    </message>
    <message>
        <source>The relay did not accept the relay token, so the templates could not be loaded. Check the relay token in File ▸ Settings.</source>
        <translation>릴레이가 릴레이 토큰을 받아들이지 않아 템플릿을 불러올 수 없어요. 파일&#xa0;▸&#xa0;설정에서 릴레이 토큰을 확인하세요.</translation>
    </message>
    <message>
        <source>Not connected to the relay, so the templates could not be loaded. Check the relay in File ▸ Settings.</source>
        <translation>릴레이에 연결되지 않아 템플릿을 불러올 수 없어요. 파일&#xa0;▸&#xa0;설정에서 릴레이를 확인하세요.</translation>
    </message>
    <message>
        <source>Marketing (paid)</source>
        <translation>마케팅 (유료)</translation>
    </message>
    <message>
        <source>Utility</source>
        <translation>유틸리티</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>인증</translation>
    </message>
    <message>
        <source>This customer opted out of marketing messages.</source>
        <translation>이&#xa0;고객은 광고 수신을 거부했어요.</translation>
    </message>
    <message>
        <source>{0} · Customer&apos;s name</source>
        <translation>{0} · 고객 이름</translation>
    </message>
    <message>
        <source>{0} · e.g. {1}</source>
        <translation>{0} · 예: {1}</translation>
    </message>
    <message>
        <source>Parameter {0}</source>
        <translation>매개변수 {0}</translation>
    </message>
    <message>
        <source>Marketing templates are charged by WhatsApp per delivered message.</source>
        <translation>마케팅 템플릿은 전달된 메시지마다 WhatsApp 요금이 부과돼요.</translation>
    </message>
    <message>
        <source>Outside the 24-hour window WhatsApp charges for utility templates too, less than for marketing.</source>
        <translation>고객의 마지막 메시지 후 24시간이 지나면 유틸리티 템플릿에도 WhatsApp 요금이 부과돼요(마케팅보다 적어요).</translation>
    </message>
    <message>
        <source>Korean law for advertising messages:</source>
        <translation>광고성 정보 전송 규정(정보통신망법):</translation>
    </message>
</context>
<context>
    <name>TextPrompt</name>
    <message>
        <source>&amp;OK</source>
        <translation>확인(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>Password store did not keep the relay token</source>
        <translation>비밀번호 저장소가 릴레이 토큰을 보관하지 않았어요</translation>
    </message>
    <message>
        <source>No password store</source>
        <translation>비밀번호 저장소 없음</translation>
    </message>
    <message>
        <source>Keep the relay token in the settings file?</source>
        <translation>릴레이 토큰을 설정 파일에 보관할까요?</translation>
    </message>
    <message>
        <source>The demo keeps its relay token in memory only.</source>
        <translation>데모는 릴레이 토큰을 메모리에만 보관해요.</translation>
    </message>
    <message>
        <source>This computer&apos;s password store (keyring) is locked, so Shop Inbox cannot read the relay token kept there. Unlock it and open Settings again, or paste the relay token to keep it anew.</source>
        <translation>이&#xa0;컴퓨터의 비밀번호 저장소(키링)가 잠겨 있어서 샵&#xa0;인박스가 그곳에 보관된 릴레이 토큰을 읽을 수 없어요. 잠금을 푼 다음 설정을 다시 열거나, 릴레이 토큰을 붙여 넣어 새로 보관하세요.</translation>
    </message>
    <message>
        <source>No relay token stored yet.</source>
        <translation>저장된 릴레이 토큰이 아직 없어요.</translation>
    </message>
    <message>
        <source>Kept in this computer&apos;s password store (keyring).</source>
        <translation>이&#xa0;컴퓨터의 비밀번호 저장소(키링)에 보관돼요.</translation>
    </message>
    <message>
        <source>&amp;Keep it in the file</source>
        <translation>설정 파일에 보관(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>Kept in the settings file {path} (readable only by you).</source>
        <translation>설정 파일 {path}에 보관돼요 (나만 읽을 수 있어요).</translation>
    </message>
</context>
<context>
    <name>TrackingReport</name>
    <message>
        <source>no tracking number</source>
        <translation>송장번호가 없어요</translation>
    </message>
    <message>
        <source>the order is “{0}”: only paid orders are marked shipped</source>
        <translation>주문이 ‘{0}’ 상태예요. 결제 완료 주문만 발송 처리해요</translation>
    </message>
    <message>
        <source>several paid orders go to this phone number: the row needs the order number</source>
        <translation>이&#xa0;전화번호로 가는 결제 완료 주문이 여러 건이에요. 주문번호가 있어야 해요</translation>
    </message>
    <message>
        <source>an earlier row already gave this order its tracking number</source>
        <translation>앞 행에서 이미 이&#xa0;주문의 송장번호를 등록했어요</translation>
    </message>
    <message>
        <source>the tracking number {0} was changed by Excel (saved as a number, its last digits are lost). Format the tracking number column as Text in Excel, or open the courier&apos;s original file, and import it again</source>
        <translation>운송장번호 {0}이(가) 엑셀에서 숫자로 저장되며 바뀌었어요(뒷자리가 사라짐). 엑셀에서 운송장번호 열의 셀 서식을 &apos;텍스트&apos;로 바꾸거나 택배사 원본 파일을 열어 다시 가져와 주세요</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} 또는 {1}</translation>
    </message>
    <message>
        <source>{courier} tracking numbers have {digits} digits: {number} is not one</source>
        <translation>{courier} 운송장번호는 {digits}자리예요: {number}은(는) 맞지 않아요</translation>
    </message>
    <message>
        <source>the order has no address: fill it in on the order, then mark it shipped there</source>
        <translation>주문에 주소가 없어요: 주문 창에서 주소를 입력한 뒤 거기서 배송 중으로 바꿔 주세요</translation>
    </message>
    <message>
        <source>no order has this number</source>
        <translation>이 번호의 주문이 없어요</translation>
    </message>
    <message>
        <source>no paid order goes to this phone number</source>
        <translation>이&#xa0;전화번호로 가는 결제 완료 주문이 없어요</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) were already registered: those orders carry these tracking numbers.</source>
        <translation>
            <numerusform>%Ln줄은 이미 등록돼 있어요. 그&#xa0;주문에 같은 송장번호가 들어가 있어요.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackingReviewDialog</name>
    <message>
        <source>Becomes shipped</source>
        <translation>배송 중으로 바뀌어요</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Already shipped with tracking number {0}: replace it with this one</source>
        <translation>이미 송장번호 {0}(으)로 발송했어요. 이&#xa0;번호로 바꾸려면 체크하세요</translation>
    </message>
    <message>
        <source>Doubtful: {0}. Tick it to mark shipped anyway</source>
        <translation>확인 필요: {0}. 그래도 발송 처리하려면 체크하세요</translation>
    </message>
    <message>
        <source>Tracking numbers from {0}</source>
        <translation>{0}의 송장번호</translation>
    </message>
    <message>
        <source>Cancel: change nothing</source>
        <translation>취소 (아무것도 바꾸지 않아요)</translation>
    </message>
    <message>
        <source>Nothing has changed yet. Only the ticked rows change when you press Apply.</source>
        <translation>아직 바뀐 것은 없어요. 적용 버튼을 누르면 체크한 줄만 바뀌어요.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) can be marked shipped.</source>
        <translation>
            <numerusform>주문 %Ln건을 배송 중으로 바꿀 수 있어요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) need your look and are not ticked.</source>
        <translation>
            <numerusform>%Ln줄은 확인이 필요해서 체크하지 않았어요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) match nothing and are left out.</source>
        <translation>
            <numerusform>%Ln줄은 맞는 주문이 없어서 빼 두었어요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %Ln row(s)</source>
        <translation>
            <numerusform>%Ln줄 적용</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackingReviewModel</name>
    <message>
        <source>Row</source>
        <translation>줄</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>택배사</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>송장번호</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>처리 내용</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>Customer: {0}</source>
        <translation>고객: {0}</translation>
    </message>
    <message>
        <source>Menu bot: {0}</source>
        <translation>메뉴 봇: {0}</translation>
    </message>
</context>
<context>
    <name>UndoStrip</name>
    <message>
        <source>Und&amp;o</source>
        <translation>되돌리기(&amp;O)</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrors</name>
    <message>
        <source>Something went wrong, and what you just did may not have finished. Shop Inbox keeps running, and what was saved before is safe.</source>
        <translation>문제가 생겨서 방금 하신 작업이 끝나지 않았을 수 있어요. 샵&#xa0;인박스는 계속 실행되고, 이미 저장된 내용은 안전해요.</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{0}</source>
        <translation>자세한 내용은 로그 파일에 기록했어요:
{0}</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>문제가 생겼어요</translation>
    </message>
</context>
<context>
    <name>UnsavedEdits</name>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
</context>
<context>
    <name>UpgradeWindow</name>
    <message>
        <source>Shop Inbox</source>
        <translation>샵 인박스</translation>
    </message>
    <message>
        <source>Updating your inbox…</source>
        <translation>받은편지함을 업데이트하고 있어요…</translation>
    </message>
    <message>
        <source>This version of Shop Inbox keeps your chats in a new way. On a large inbox this takes a minute; your inbox opens by itself when it is done.</source>
        <translation>이번 버전의 샵&#xa0;인박스는 채팅을 새로운 방식으로 보관해요. 채팅이 많으면 1분쯤 걸릴 수 있어요. 끝나면 받은편지함이 저절로 열려요.</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>준비하고 있어요…</translation>
    </message>
    <message>
        <source>The update cannot be stopped halfway. Please wait: Shop Inbox opens as soon as it is done, with all your chats.</source>
        <translation>업데이트는 중간에 멈출 수 없어요. 잠시만 기다려 주세요. 끝나는 대로 샵&#xa0;인박스가 모든 채팅과 함께 열려요.</translation>
    </message>
    <message>
        <source>Making a safety copy of your inbox… {0} %</source>
        <translation>받은편지함의 안전 사본을 만들고 있어요… {0}%</translation>
    </message>
    <message>
        <source>Updating how your chats are kept: step {0} of {1}…</source>
        <translation>채팅 보관 방식을 업데이트하고 있어요: {1}단계 중 {0}단계…</translation>
    </message>
    <message>
        <source>Shop Inbox is updating your inbox for its new version. It opens by itself as soon as the update is done; there is no need to start it again.</source>
        <translation>샵&#xa0;인박스가 새&#xa0;버전에 맞춰 받은편지함을 업데이트하고 있어요. 업데이트가 끝나는 대로 저절로 열리니 다시 시작하지 않으셔도 돼요.</translation>
    </message>
</context>
<context>
    <name>WeekHoursEditor</name>
    <message>
        <source>{0}: {1} and {2} overlap</source>
        <translation>{0}: {1}, {2} 시간이 겹쳐요</translation>
    </message>
    <message>
        <source>{0} {1} runs into {2} {3}</source>
        <translation>{0} {1} 시간이 {2} {3} 시간과 겹쳐요</translation>
    </message>
    <message>
        <source>{0}. Change one of them or join them, then save.</source>
        <translation>{0}. 하나를 고치거나 합친 뒤 저장하세요.</translation>
    </message>
</context>
<context>
    <name>WholeMessageDialog</name>
    <message>
        <source>Whole message ({0} characters)</source>
        <translation>전체 메시지 ({0}자)</translation>
    </message>
    <message>
        <source>Copy &amp;all</source>
        <translation>전체 복사(&amp;A)</translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>상품 %Ln개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln more item(s)</source>
        <translation>
            <numerusform>외 %Ln개 상품</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_RangeRow</name>
    <message>
        <source>Opens at</source>
        <translation>여는 시간</translation>
    </message>
    <message>
        <source>Closes at</source>
        <translation>닫는 시간</translation>
    </message>
    <message>
        <source>Remove these hours ({0})</source>
        <translation>이&#xa0;시간 제거({0})</translation>
    </message>
    <message>
        <source>Remove these hours</source>
        <translation>이 시간 제거</translation>
    </message>
    <message>
        <source>–</source>
        <comment>between the opening and the closing time</comment>
        <translation>~</translation>
    </message>
    <message>
        <source>next day</source>
        <comment>hours that end after midnight</comment>
        <translation>(다음 날)</translation>
    </message>
    <message>
        <source>These hours run past midnight and end the next morning.</source>
        <translation>자정을 넘겨 다음 날 아침에 끝나는 시간이에요.</translation>
    </message>
</context>
<context>
    <name>bubble</name>
    <message>
        <source>Greeting</source>
        <translation>인사 메시지</translation>
    </message>
    <message>
        <source>Away message</source>
        <translation>자리 비움 메시지</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>자동 답장</translation>
    </message>
    <message>
        <source>Menu bot</source>
        <translation>메뉴 봇</translation>
    </message>
    <message>
        <source>Opt-out confirmation</source>
        <translation>수신거부 확인</translation>
    </message>
    <message>
        <source>Sent from phone</source>
        <translation>휴대폰에서 보냄</translation>
    </message>
    <message>
        <source>A message from this customer reached the relay but could not be read (event #%1).</source>
        <translation>이&#xa0;고객의 메시지가 릴레이에 도착했지만 읽을 수 없었어요 (이벤트 #%1).</translation>
    </message>
    <message>
        <source>The customer opened a chat with you for the first time and has not written yet.</source>
        <translation>고객이 처음으로 채팅을 열었어요. 아직 메시지는 보내지 않았어요.</translation>
    </message>
    <message>
        <source>The customer changed their phone number to %1. This chat goes on with the new number.</source>
        <translation>고객이 전화번호를 %1(으)로 바꿨어요. 이&#xa0;채팅은 새&#xa0;번호로 이어져요.</translation>
    </message>
    <message>
        <source>The customer changed their phone number. This chat goes on with the new number.</source>
        <translation>고객이 전화번호를 바꿨어요. 이&#xa0;채팅은 새&#xa0;번호로 이어져요.</translation>
    </message>
    <message>
        <source>The customer&apos;s WhatsApp account changed (a new phone, say). This chat goes on as before.</source>
        <translation>고객의 WhatsApp 계정이 바뀌었어요(새&#xa0;휴대폰 등). 채팅은 그대로 이어져요.</translation>
    </message>
    <message>
        <source>You deleted this message</source>
        <translation>삭제한 메시지예요</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>삭제된 메시지예요</translation>
    </message>
    <message>
        <source>A photo or file the phone left out of its export</source>
        <translation>휴대폰에서 내보낼 때 빠진 사진이나 파일</translation>
    </message>
    <message>
        <source>Sent from your post: %1</source>
        <translation>내&#xa0;게시물을 보고 보낸 메시지: %1</translation>
    </message>
    <message>
        <source>Sent from your post</source>
        <translation>내 게시물을 보고 보낸 메시지</translation>
    </message>
    <message>
        <source>Sent from your ad: %1</source>
        <translation>내&#xa0;광고를 보고 보낸 메시지: %1</translation>
    </message>
    <message>
        <source>Sent from your ad</source>
        <translation>내 광고를 보고 보낸 메시지</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>수정됨</translation>
    </message>
    <message>
        <source>The customer sent a poll, which WhatsApp doesn&apos;t pass on to this app. Ask them to write their answer.</source>
        <translation>고객이 투표를 보냈는데, WhatsApp은 투표를 이&#xa0;앱에 전달하지 않아요. 답을 글로 보내 달라고 부탁해 보세요.</translation>
    </message>
    <message>
        <source>The customer sent a view-once photo or video, which WhatsApp doesn&apos;t pass on to this app. Ask them to send it as a normal photo or video.</source>
        <translation>고객이 한&#xa0;번만 볼 수 있는 사진이나 동영상을 보냈는데, WhatsApp은 이를 이&#xa0;앱에 전달하지 않아요. 일반 사진이나 동영상으로 다시 보내 달라고 부탁해 보세요.</translation>
    </message>
    <message>
        <source>The customer sent something WhatsApp doesn&apos;t pass on to this app. Ask them to send it again as text, a photo or a file.</source>
        <translation>고객이 WhatsApp이 이&#xa0;앱에 전달하지 않는 메시지를 보냈어요. 글, 사진 또는 파일로 다시 보내 달라고 부탁해 보세요.</translation>
    </message>
    <message>
        <source>Forwarded many times</source>
        <translation>여러 번 전달됨</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>Reacted {0}</source>
        <translation>{0} 반응</translation>
    </message>
    <message>
        <source>This kind of message can&apos;t be shown here yet.</source>
        <translation>이&#xa0;종류의 메시지는 아직 여기에서 표시할 수 없어요.</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>장바구니</translation>
    </message>
    <message>
        <source>Order {0} · {1}</source>
        <translation>주문 {0} · {1}</translation>
    </message>
    <message>
        <source>Open order</source>
        <translation>주문 열기</translation>
    </message>
    <message>
        <source>Not downloaded yet</source>
        <translation>아직 다운로드하지 않음</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>연락처 카드</translation>
    </message>
    <message>
        <source>System message</source>
        <translation>시스템 메시지</translation>
    </message>
    <message>
        <source>Its items can&apos;t be read: ask the customer to send it again</source>
        <translation>상품을 읽을 수 없어요. 고객에게 다시 보내 달라고 해 주세요</translation>
    </message>
    <message>
        <source>Not an order yet · Start order</source>
        <translation>아직 주문 전 · 주문 만들기</translation>
    </message>
    <message>
        <source>No longer on WhatsApp</source>
        <translation>WhatsApp에 더 이상 없어요</translation>
    </message>
    <message>
        <source>Not in the phone&apos;s export</source>
        <translation>휴대폰에서 내보낸 파일에 없음</translation>
    </message>
    <message>
        <source>Campaign · {0}</source>
        <translation>캠페인 · {0}</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>템플릿</translation>
    </message>
    <message>
        <source>Not sent: {0}</source>
        <translation>전송 안 됨: {0}</translation>
    </message>
    <message>
        <source>Original message not available</source>
        <translation>원본 메시지를 볼 수 없음</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
</context>
<context>
    <name>campaigns</name>
    <message>
        <source>Draft</source>
        <translation>임시 저장</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>예약됨</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>보내는&#xa0;중</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시&#xa0;중지됨</translation>
    </message>
    <message>
        <source>Waiting for the messaging limit</source>
        <translation>메시지 한도 대기 중</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>paused by you</source>
        <translation>직접 일시 중지함</translation>
    </message>
    <message>
        <source>Meta paused the template</source>
        <translation>Meta가 템플릿을 일시 중지함</translation>
    </message>
    <message>
        <source>Meta disabled the template</source>
        <translation>Meta가 템플릿을 사용 중지함</translation>
    </message>
    <message>
        <source>WhatsApp has no approved version of the template in a customer&apos;s language</source>
        <translation>고객 언어로 승인된 템플릿 버전이 WhatsApp에 없음</translation>
    </message>
    <message>
        <source>the number&apos;s quality dropped</source>
        <translation>번호 품질이 떨어짐</translation>
    </message>
    <message>
        <source>the relay&apos;s Meta access token expired</source>
        <translation>릴레이의 Meta 액세스 토큰 만료</translation>
    </message>
    <message>
        <source>Meta&apos;s daily messaging limit is reached</source>
        <translation>Meta의 일일 메시지 한도에 도달함</translation>
    </message>
    <message>
        <source>held for the night until {0} the customers&apos; time</source>
        <translation>야간이라 고객 시간으로 {0}까지 보류&#xa0;중</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>차단됨</translation>
    </message>
    <message>
        <source>No WhatsApp number</source>
        <translation>WhatsApp 번호 없음</translation>
    </message>
    <message>
        <source>Opted out of marketing</source>
        <translation>광고&#xa0;수신거부</translation>
    </message>
    <message>
        <source>Marketing consent must be confirmed again every 2 years (given over 23 months ago)</source>
        <translation>광고 수신 동의는 2년마다 다시 확인해야 해요 (동의한 지 23개월 넘음)</translation>
    </message>
    <message>
        <source>No marketing to US numbers (+1)</source>
        <translation>미국 번호(+1)는 광고 불가</translation>
    </message>
    <message>
        <source>Removed by you</source>
        <translation>직접&#xa0;뺌</translation>
    </message>
    <message>
        <source>Needs a person</source>
        <translation>상담&#xa0;필요</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기&#xa0;중</translation>
    </message>
    <message>
        <source>Held for the night</source>
        <translation>야간이라 보류&#xa0;중</translation>
    </message>
    <message>
        <source>Pending at Meta</source>
        <translation>Meta에서 대기 중</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>✓ Sent</source>
        <translation>✓ 보냄</translation>
    </message>
    <message>
        <source>✓✓ Delivered</source>
        <translation>✓✓ 전달됨</translation>
    </message>
    <message>
        <source>✓✓ Read</source>
        <translation>✓✓ 읽음</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Unknown (never resent)</source>
        <translation>알 수 없음 (다시 보내지 않음)</translation>
    </message>
    <message>
        <source>Held for the night: goes at {0} the customer&apos;s time</source>
        <translation>야간이라 보류 중: 고객 시간으로 {0}에 보내요</translation>
    </message>
    <message>
        <source>Held for the night: goes at {0}</source>
        <translation>야간이라 보류 중: {0}에 보내요</translation>
    </message>
    <message>
        <source>Held for the night: goes at {0} ({1} the customer&apos;s time)</source>
        <translation>야간이라 보류 중: {0}에 보내요(고객 시간으로 {1})</translation>
    </message>
    <message>
        <source>Sent at {0}, after the night-time hold</source>
        <translation>야간 보류가 끝나고 {0}에 보냈어요</translation>
    </message>
    <message>
        <source>Sent at {0} ({1} the customer&apos;s time), after the night-time hold</source>
        <translation>야간 보류가 끝나고 {0}(고객 시간으로 {1})에 보냈어요</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>보낸 시각</translation>
    </message>
    <message>
        <source>Goes out once you resume the campaign</source>
        <translation>캠페인을 다시 시작하면 보내요</translation>
    </message>
    <message>
        <source>Goes out at {0}</source>
        <translation>{0}에 보내요</translation>
    </message>
    <message>
        <source>No consent to notifications</source>
        <translation>알림 수신 동의 없음</translation>
    </message>
    <message>
        <source>No consent to marketing</source>
        <translation>광고 수신 동의 없음</translation>
    </message>
    <message>
        <source>The campaign was cancelled first</source>
        <translation>보내기 전에 캠페인이 취소됨</translation>
    </message>
    <message>
        <source>No consent to notifications (an ad needs it too)</source>
        <translation>알림 수신 동의 없음 (광고에도 필요해요)</translation>
    </message>
    <message>
        <source>No consent to notifications or marketing</source>
        <translation>알림·광고 수신 동의 없음</translation>
    </message>
    <message>
        <source>Meta holds it until the new template has feedback</source>
        <translation>새&#xa0;템플릿에 대한 반응을 확인할 때까지 Meta가 보류 중</translation>
    </message>
    <message>
        <source>WhatsApp did not answer: maybe delivered, never sent again</source>
        <translation>WhatsApp이 응답하지 않음: 전달되었을 수 있어 다시 보내지 않음</translation>
    </message>
    <message>
        <source>Error {0}</source>
        <translation>오류 {0}</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>캠페인</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>받는 사람</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>Why left out</source>
        <translation>제외 이유</translation>
    </message>
    <message>
        <source>Ticks</source>
        <translation>전송 상태</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>답장</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>수신거부</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>예</translation>
    </message>
</context>
<context>
    <name>consent</name>
    <message>
        <source>in a chat</source>
        <translation>채팅에서</translation>
    </message>
    <message>
        <source>on the website</source>
        <translation>웹사이트에서</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>직접 만나서</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>전화로</translation>
    </message>
    <message>
        <source>on a signed form</source>
        <translation>서면 동의서로</translation>
    </message>
    <message>
        <source>another way</source>
        <translation>기타 방법</translation>
    </message>
    <message>
        <source>wrote an opt-out word</source>
        <translation>수신거부 단어를 보냄</translation>
    </message>
    <message>
        <source>tapped the opt-out button</source>
        <translation>수신거부 버튼을 누름</translation>
    </message>
    <message>
        <source>stopped marketing in WhatsApp</source>
        <translation>WhatsApp에서 광고 수신을 중지함</translation>
    </message>
    <message>
        <source>recorded by you</source>
        <translation>직접 기록함</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Yesterday</source>
        <translation>어제</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>ddd</source>
        <comment>a Qt date pattern: the weekday alone, short (ddd) or in full (dddd)</comment>
        <translation>dddd</translation>
    </message>
    <message>
        <source>{0} today</source>
        <translation>오늘 {0}</translation>
    </message>
    <message>
        <source>{0} tomorrow</source>
        <translation>내일 {0}</translation>
    </message>
    <message>
        <source>midnight</source>
        <comment>the end or start of business hours</comment>
        <translation>자정</translation>
    </message>
    <message>
        <source>Times on the shop&apos;s clock ({0})</source>
        <translation>가게 시간 기준 ({0})</translation>
    </message>
    <message>
        <source>{0} yesterday</source>
        <translation>어제 {0}</translation>
    </message>
    <message>
        <source>%Ln day</source>
        <translation>%Ln일</translation>
    </message>
    <message>
        <source>%Ln days</source>
        <translation>%Ln일</translation>
    </message>
    <message>
        <source>%Ln hour</source>
        <translation>%Ln시간</translation>
    </message>
    <message>
        <source>%Ln hours</source>
        <translation>%Ln시간</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0}시간 {1}분</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0}분</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>사진</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>스티커</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>오디오</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>음성 메시지</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>동영상</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>연락처 카드</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>템플릿</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>반응</translation>
    </message>
    <message>
        <source>System message</source>
        <translation>시스템 메시지</translation>
    </message>
    <message>
        <source>Changed their phone number</source>
        <translation>전화번호를 바꿨어요</translation>
    </message>
    <message>
        <source>Their WhatsApp account changed</source>
        <translation>WhatsApp 계정이 바뀌었어요</translation>
    </message>
    <message>
        <source>Opened a chat with you</source>
        <translation>채팅을 열었어요</translation>
    </message>
    <message>
        <source>Unsupported message</source>
        <translation>지원되지 않는 메시지</translation>
    </message>
    <message>
        <source>Photo or file left out of the export</source>
        <translation>내보낼 때 빠진 사진이나 파일</translation>
    </message>
    <message>
        <source>Deleted message</source>
        <translation>삭제된 메시지</translation>
    </message>
    <message>
        <source>You reacted {0} to “{1}”</source>
        <translation>내 {0} 반응: “{1}”</translation>
    </message>
    <message>
        <source>You reacted {0} to a message</source>
        <translation>메시지에 내 {0} 반응</translation>
    </message>
    <message>
        <source>Reacted {0} to “{1}”</source>
        <translation>{0} 반응: “{1}”</translation>
    </message>
    <message>
        <source>Reacted {0} to a message</source>
        <translation>메시지에 {0} 반응</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Part of Shop Inbox&apos;s data file is damaged (a power cut or a failing disk can do this), so this could not be done. Restore your latest backup with File ▸ Restore from backup; the damaged file is kept aside, not deleted.</source>
        <translation>샵&#xa0;인박스 데이터 파일의 일부가 손상되어서 이&#xa0;작업을 하지 못했어요(정전이나 디스크 고장으로 생길 수 있어요). 파일&#xa0;▸&#xa0;백업에서&#xa0;복원으로 가장 최근 백업을 복원하세요. 손상된 파일은 지우지 않고 따로 보관해요.</translation>
    </message>
    <message>
        <source>Shop Inbox could not save this: its data file is busy or cannot be written. Nothing else was lost; try again in a moment.</source>
        <translation>샵&#xa0;인박스가 이&#xa0;내용을 저장하지 못했어요. 데이터 파일이 사용 중이거나 쓸 수 없어요. 다른 데이터는 그대로예요. 잠시 후 다시 해 보세요.</translation>
    </message>
    <message>
        <source>Something went wrong. The details were written to the log file.</source>
        <translation>문제가 생겼어요. 자세한 내용은 로그 파일에 기록했어요.</translation>
    </message>
    <message>
        <source>Shop Inbox</source>
        <translation>샵 인박스</translation>
    </message>
</context>
</TS>
