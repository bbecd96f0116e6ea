/**
 * GENERATED from the OpenAPI document (api/openapi.ts, assembled from api/contract/) by
 * `npm run contract:types`: do not edit. `npm run contract:check` fails when it is out of date.
 */
/* eslint-disable -- generated code, as openapi-typescript writes it */
export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 存活检查 / Liveness
     * @description 无需登录 / No login needed.
     */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 就绪检查（数据库可用） / Readiness (the database answers)
     * @description 无需登录 / No login needed.
     */
    get: operations['getReadiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 本 OpenAPI 3.1 文档 / This OpenAPI 3.1 document
     * @description 无需登录 / No login needed.
     */
    get: operations['getOpenApiDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 交互式 API 文档 / Interactive API documentation
     * @description 无需登录 / No login needed.
     */
    get: operations['getDocs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 登录，取得令牌 / Log in for a token
     * @description 同一用户名在同一地址连续 5 次未成功后锁定 15 分钟，再次锁定时加倍（429，Retry-After）；其他地址不受影响。 / After 5 attempts without success for a username from one address, that pair is locked for 15 minutes, doubling with each further lockout (429 with Retry-After); other addresses are not affected.
     *
     *     无需登录 / No login needed.
     */
    post: operations['login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 当前用户 / The caller
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 用户列表 / List users
     * @description 角色 / Roles: admin.
     */
    get: operations['listUsers'];
    put?: never;
    /**
     * 新建用户 / Create a user
     * @description convener 与 leader 须给出 unitId（leader 为结对社区）。 / A convener or leader needs unitId (a leader: the paired community).
     *
     *     角色 / Roles: admin.
     */
    post: operations['createUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 为用户新建 API 密钥（仅显示一次） / New API key for a user (shown once)
     * @description 角色 / Roles: admin.
     */
    post: operations['createApiKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/api-keys/{keyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * 吊销 API 密钥 / Revoke an API key
     * @description 角色 / Roles: admin.
     */
    delete: operations['revokeApiKey'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 审计记录 / The audit trail
     * @description 角色 / Roles: admin, supervisor.
     */
    get: operations['listAuditEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 单位列表 / List units
     * @description 只列出调用者可见的单位。 / Only the units the caller may see.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['listUnits'];
    put?: never;
    /**
     * 登记单位（启动其会议义务） / Register a unit (starts its meeting obligation)
     * @description 201 新建；相同内容重复提交为 200；编码已被不同内容占用为 409。 / 201 when created, 200 when repeated with the same content, 409 when the code is taken.
     *
     *     角色 / Roles: admin.
     */
    post: operations['createUnit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 批量导入单位（CSV / XLSX） / Bulk import of units (CSV / XLSX)
     * @description 全部成功或全部不写入；同一文件再次导入不新建。`Accept: application/x-ndjson` 时以进度行流式返回，最后一行为结果。 / All or nothing; the same file again creates nothing. With `Accept: application/x-ndjson` the answer streams progress lines, the last being the outcome. At most 20 MB and 50,000 rows.
     *
     *     角色 / Roles: admin.
     */
    post: operations['importUnits'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{unitRef}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 单个单位 / One unit
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getUnit'];
    put?: never;
    post?: never;
    /**
     * 撤销单位（结束其会议义务） / Remove a unit (ends its meeting obligation)
     * @description 角色 / Roles: admin.
     */
    delete: operations['removeUnit'];
    options?: never;
    head?: never;
    /**
     * 修改单位名称和召集人信息 / Change the name and convener details
     * @description 层级与上级不可改。管理员可改全部字段，召集人只能改本单位的联系设置。 / Level and parent are fixed. An admin may change every field; the unit’s convener only its contact settings.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    patch: operations['updateUnit'];
    trace?: never;
  };
  '/api/units/{unitRef}/obligation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 本期会议义务状态 / The current period of the meeting obligation
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getObligation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{unitRef}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 历期结果与通知回执 / Closed periods and the notices sent
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getUnitHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{unitRef}/meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 会议记录 / The unit’s meetings
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['listMeetings'];
    put?: never;
    /**
     * 记录会议 / Record a meeting
     * @description 不得记录未来日期；日期落在已结束的周期内则更正该期结果。agendaItems 为本次会议的议题（含 resolution 即本级解决），takesUp 为本会议研究的下级上移议题（不在本单位待议清单中为 400）。预约会议已记录为召开时为 409。 / A future date is refused; a date in a closed period corrects that period. agendaItems are the items raised at the meeting (with a resolution when resolved there); takesUp the items escalated to this unit that the meeting put on its agenda (400 when one is not in its queue). 409 when the planned meeting was recorded already.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    post: operations['recordMeeting'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{unitRef}/planned-meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 预约的会议 / The unit’s planned meetings
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['listPlannedMeetings'];
    put?: never;
    /**
     * 预约会议（发送含 .ics 的邀请） / Plan a meeting (invitations with .ics)
     * @description 任何已登录用户 / Any logged-in user.
     */
    post: operations['planMeeting'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agenda-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 议题台账（或某单位的待办清单） / The agenda register (or a unit’s queue)
     * @description unitId：该单位提出的议题；currentUnitId：该单位当前须办理的议题（下级上移来的）。只列出调用者可见的议题，新提出的在前。 / unitId: the items a unit raised; currentUnitId: the items a unit must act on now (those escalated to it). Only items the caller may see, newest first.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['listAgendaItems'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meetings/{meetingId}/agenda-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 向会议增列议题 / Add an item to a meeting’s agenda
     * @description 由会议所属单位的召集人（或管理员）提出。 / By the convener of the meeting’s unit (or an admin).
     *
     *     任何已登录用户 / Any logged-in user.
     */
    post: operations['createAgendaItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agenda-items/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 单个议题及其上移经过 / One agenda item with its escalation
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getAgendaItem'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agenda-items/{id}/escalation-status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 议题上移流程状态（期限与下一次提醒） / The escalation workflow: deadlines and the next notice
     * @description 未上移的议题为 404。 / 404 for an item that was never escalated.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['getEscalationStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agenda-items/{id}/resolution': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 本级解决议题 / Resolve an item at its own level
     * @description 仅限未上移的议题（open），由提出单位的召集人（或管理员）办理；相同内容重复提交返回当前议题。已上移的议题须经答复确认才办结（409 item_state）。 / An open item only, by the raising unit’s convener (or an admin); the same resolution again answers with the item. An escalated item closes when its answer is confirmed (409 item_state).
     *
     *     任何已登录用户 / Any logged-in user.
     */
    post: operations['resolveAgendaItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agenda-items/{id}/escalations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 议题上移（书面台账随会议纪要上报） / Escalate an item (the ledger entry goes up with the minutes)
     * @description 首次上移由提出单位的召集人办理，须已录入会议纪要（否则 400 minutes）；继续上移由当前承办单位的召集人（附其会议纪要）或联络办公室办理。已在最高层级为 409 no_upper_level；议题状态不允许为 409 item_state。同一台账重复提交为 200。 / The first hop by the raising unit’s convener, once the meeting’s minutes are recorded (else 400 minutes); a further hop by the convener of the unit holding the item (with its meeting’s minutes) or by the liaison office. 409 no_upper_level at the top of the tree, 409 item_state when the item’s state does not allow it. The same entry again answers 200.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    post: operations['escalateAgendaItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agenda-items/{id}/take-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 上级将议题列入会议研究 / The upper level puts the item on a meeting
     * @description 会议须属于议题当前所在的单位（否则 409 not_in_queue），由该单位召集人（或管理员）办理；同一会议重复提交不再变更。也可在记录会议时以 takesUp 列入。 / The meeting must be of the unit the item waits with (else 409 not_in_queue), by that unit’s convener (or an admin); the same meeting again changes nothing. Recording a meeting with takesUp does the same.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    post: operations['takeUpAgendaItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agenda-items/{id}/feedback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 上级答复（反馈逐级下达） / The upper level’s answer (goes back down every level)
     * @description 由议题当前所在单位的召集人（或管理员）在列入会议后答复（否则 409 item_state）；scheduled 须给出 handleBy，declined 须说明理由。同一轮相同答复重复提交为 200。 / By the convener of the unit holding the item (or an admin), once it is on a meeting (else 409 item_state); scheduled needs handleBy, declined a reason. The same answer again in the round answers 200.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    post: operations['answerAgendaItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agenda-items/{id}/response': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 提出单位确认或对答复提出异议 / The raising unit confirms or disputes the answer
     * @description 仅限已答复的议题（否则 409 item_state），由提出单位的召集人（或管理员）办理。confirmed：办结；disputed（须说明理由）：退回同级重新答复，或 escalateFurther 继续上移（已在最高层级为 409 no_upper_level）。 / An answered item only (else 409 item_state), by the raising unit’s convener (or an admin). confirmed closes it; disputed (with a reason) sends it back for a new answer, or with escalateFurther to the level above (409 no_upper_level at the top).
     *
     *     任何已登录用户 / Any logged-in user.
     */
    post: operations['respondToAgendaItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agenda-items/{id}/extensions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 联络办公室批准延期答复 / The liaison office extends the answer deadline
     * @description 仅限待答复的议题（否则 409 item_state）；新期限须晚于现期限且不早于今天。相同期限重复提交为 200。 / Only while an answer is awaited (else 409 item_state); the new deadline lies after the one in force and not in the past. The same deadline again answers 200.
     *
     *     角色 / Roles: admin, supervisor.
     */
    post: operations['extendAnswerDeadline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cadence-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 各层级会议频次规则 / Cadence rules per level
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['listCadenceRules'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cadence-rules/{level}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * 设置某层级的规则（下一周期起生效） / Set a level’s rule (applies from the next period)
     * @description 角色 / Roles: admin, supervisor.
     */
    put: operations['setCadenceRule'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/escalation-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 各层级议题上移的办理期限规则 / Escalation deadline rules per receiving level
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['listEscalationRules'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/escalation-rules/{level}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * 设置接收上移议题的层级的期限（此后的上移适用） / Set the deadlines of a receiving level (applies to escalations from now on)
     * @description 角色 / Roles: admin, supervisor.
     */
    put: operations['setEscalationRule'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervisors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 联络办公室成员 / Members of the liaison office
     * @description 角色 / Roles: admin, supervisor.
     */
    get: operations['listSupervisors'];
    put?: never;
    /**
     * 添加（或更新）成员 / Add (or update) a member
     * @description 同一邮箱再次提交即更新（200）。 / The same email again updates the member (200).
     *
     *     角色 / Roles: admin.
     */
    post: operations['addSupervisor'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervisors/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * 移除成员 / Remove a member
     * @description 角色 / Roles: admin.
     */
    delete: operations['removeSupervisor'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision/overdue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 最近一期逾期的单位 / Units whose last closed period is overdue
     * @description 角色 / Roles: admin, supervisor.
     */
    get: operations['listOverdueUnits'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision/compliance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 各层级各周期的达标率 / Compliance per level per period
     * @description 角色 / Roles: admin, supervisor.
     */
    get: operations['getCompliance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision/escalations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 待上级答复的上移议题（督办） / Escalated items awaiting an answer (supervision)
     * @description 按答复期限排序，最早的在前；overdue=true 只列逾期的；level、streetId 按接收单位筛选。 / Earliest answer deadline first; overdue=true lists only those past it; level and streetId filter by the receiving unit.
     *
     *     角色 / Roles: admin, supervisor.
     */
    get: operations['listEscalations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision/figures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 各层级议题统计（召开会议、本级解决、上移、答复、逾期） / Figures per level: meetings, items, escalated, answered, overdue
     * @description period 缺省为本年；只统计调用者可见的单位。 / period defaults to the current year; only the units the caller may see count.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['getFigures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision/figures.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 导出议题统计与台账（Excel） / Export the figures and the item register (Excel)
     * @description 两个工作表：统计、议题台账。 / Two sheets: the figures and the register of every item of the period.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['exportFigures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 通知台账（督办回执） / The notification ledger (receipts)
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['listNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/mail-sink/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 本地邮件接收器收到的邮件（仅内嵌模式） / Mail captured by the local sink (embedded mode only)
     * @description 角色 / Roles: admin.
     */
    get: operations['listCapturedMail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{unitRef}/co-building': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 社区联建共同体：成员单位、承诺书、办实事与合计 / The community’s co-building body: members, commitments, things done, totals
     * @description 尚未组建为 404。 / 404 when the community has none.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['getCoBuilding'];
    /**
     * 组建或修改社区联建共同体 / Form or change the community’s co-building body
     * @description 仅限社区（否则 400 path.unitRef），由社区召集人（或管理员）办理。201 新建；200 已有（相同内容不再变更）。 / Communities only (else 400 path.unitRef), by the community’s convener (or an admin). 201 when formed, 200 when it existed (the same content changes nothing).
     *
     *     角色 / Roles: admin, convener.
     */
    put: operations['saveCoBuilding'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{unitRef}/co-building/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 驻社区单位加入联建共同体 / A unit stationed in the community joins
     * @description 同名同内容重复提交为 200（返回已有成员）；同名不同内容为 409 duplicate。尚未组建共同体为 404。 / The same name and details again answer 200 with the member; the same name with other details is 409 duplicate. 404 when the community has no body yet.
     *
     *     角色 / Roles: admin, convener.
     */
    post: operations['addCoBuildingMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/co-building/members/{memberId}/commitments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 登记驻社区单位承诺书 / Record a member unit’s commitment letter
     * @description 由社区召集人（或管理员）办理。 / By the community’s convener (or an admin).
     *
     *     角色 / Roles: admin, convener.
     */
    post: operations['addCommitment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{unitRef}/co-building/things': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 登记办实事 / Record a practical thing done
     * @description memberId 须为本共同体的成员单位（否则 400 memberId）；尚未组建共同体为 404。 / memberId must be a member unit of this body (else 400 memberId); 404 when the community has no body yet.
     *
     *     角色 / Roles: admin, convener.
     */
    post: operations['recordPracticalThing'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/co-building/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 社区联建统计（共同体、成员单位、承诺、办实事、金额） / Co-building totals: bodies, member units, commitments, things done, value
     * @description 只统计调用者可见的社区；year 按签署日期和办理日期筛选承诺书与实事。 / Only the communities the caller may see; year filters commitments by signedOn and things by doneOn.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['getCoBuildingSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/co-building/summary.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 导出社区联建统计与办实事台账（Excel） / Export the co-building totals and ledger (Excel)
     * @description 两个工作表：合计与各社区、办实事台账。 / Two sheets: the totals and each community, then every thing done.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['exportCoBuildingSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/evaluations/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 发起年度结对部门考核评分（每个社区一次） / Start the year-end evaluation of paired departments (one campaign per community)
     * @description 为每个有结对部门的社区创建该年度考核并启动其流程（evaluation:<社区 id>:<年>）；重复提交无害。按规则在开始日通知召集人，人数不足时提醒，截止日结束。该年度考核已截止且从未发起时为 400。 / Creates the campaign of every community with active department pairings and starts its workflow (evaluation:<community id>:<year>); a repeat is harmless. The workflow tells the convener on the opening day, reminds while below quorum and closes at the deadline. 400 when the year’s evaluation has closed and none was started.
     *
     *     角色 / Roles: admin, supervisor.
     */
    post: operations['startEvaluationCampaigns'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 考核评分进度（评分人数与规定人数） / Campaigns and their progress (raters versus quorum)
     * @description 只列出调用者可见社区的考核；评分人只见本社区的。 / Only the campaigns of communities the caller may see; a rater sees their own community’s.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['listEvaluationCampaigns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/evaluations/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 年度考核结果：各部门在各社区的评分（计入部门年度考核） / The annual table: each department’s scores across communities (for its performance evaluation)
     * @description 只含已截止的考核；每个社区给出评分人数、平均分、中位数、是否达到规定人数；合计为达到规定人数的社区平均分的平均。部门用户只见本部门一行。 / Closed campaigns only: per community the count, mean, median and whether the quorum was met; overall, the mean of the communities’ means where the quorum was met. A department user sees only its own row.
     *
     *     角色 / Roles: admin, supervisor, department.
     */
    get: operations['getEvaluationResults'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/evaluations/results.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 导出年度考核结果（Excel） / Export the annual table (Excel)
     * @description 两个工作表：各部门汇总、各部门在各社区的明细。 / Two sheets: a summary per department, then each department in each community.
     *
     *     角色 / Roles: admin, supervisor, department.
     */
    get: operations['exportEvaluationResults'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/evaluations/{campaignId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 单个社区的考核评分及各部门结果 / One campaign with each department’s results
     * @description 进行中只给出各部门的评分人数；截止后给出平均分与中位数。 / While open, only each department’s count; once closed, the mean and median too.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['getEvaluationCampaign'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/evaluations/{campaignId}/ballots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 提交一张评分票 / Record a ballot
     * @description 评分人本人提交，或由本社区召集人（或管理员）录入纸质评分票（raterRef 必填）。每个结对部门恰好评分一次（缺少、未结对或重复的部门为 400）；考核未在进行中为 409 campaign_not_open；同一评分人再次提交为 409 duplicate_rater。 / By a rater user, or a paper ballot entered by the community’s convener (or an admin) with raterRef. Each paired department exactly once (a missing, unpaired or repeated department is 400); 409 campaign_not_open when the campaign is not open; 409 duplicate_rater for a second ballot by the same rater.
     *
     *     角色 / Roles: admin, convener, rater.
     */
    post: operations['recordEvaluationBallot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/entries-rule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 三进规则 / The rule of the three entries
     * @description 尚未保存时为默认值。 / The defaults until one is saved.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['getEntriesRule'];
    /**
     * 设置三进规则（走访自下一周期起生效） / Set the rule of the three entries (visits: from the next period)
     * @description 结对部门数只在结对变更时检查；缺席提醒自下一次检查起；尚未开始的考核评分适用新规则。 / The department range is checked when pairings change; absences from the next check; evaluation campaigns not yet open follow the new rule.
     *
     *     角色 / Roles: admin, supervisor.
     */
    put: operations['setEntriesRule'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 市级领导及其联系社区 / City leaders and their paired communities
     * @description 只列出调用者可见的：联络办公室全部，召集人本辖区社区的，领导本人。communityId 只会缩小范围。 / Only those the caller may see: the office every one, a convener those paired with their communities, a leader themselves. communityId only narrows that.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['listLeaders'];
    put?: never;
    /**
     * 登记市级领导及其联系社区（启动走访义务） / Register a city leader and the paired community (starts the visit obligation)
     * @description 201 新建；相同内容重复提交为 200；编码已被不同内容占用为 409 code_taken；所指单位不存在或不是社区为 400（communityCode 或 communityId）。 / 201 when registered, 200 when repeated with the same details, 409 code_taken when the code has other details; 400 (communityCode or communityId) when the unit does not exist or is not a community.
     *
     *     角色 / Roles: admin.
     */
    post: operations['registerLeader'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{ref}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 单个市级领导 / One city leader
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getLeader'];
    put?: never;
    post?: never;
    /**
     * 撤销领导联系点（结束其走访义务） / Remove a leader (ends the visit obligation)
     * @description 记录保留。 / The record is kept.
     *
     *     角色 / Roles: admin.
     */
    delete: operations['removeLeader'];
    options?: never;
    head?: never;
    /**
     * 修改领导信息或改联系社区（自下一周期起） / Change a leader’s details or paired community (from the next period)
     * @description communityCode 须为社区（否则 400）。 / communityCode must be a community (else 400).
     *
     *     角色 / Roles: admin.
     */
    patch: operations['updateLeader'];
    trace?: never;
  };
  '/api/leaders/{ref}/obligation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 本期走访义务状态（截止日、已走访次数、下一次提醒） / The current period of the visit obligation: due date, visits, next notice
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getLeaderObligation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leaders/{ref}/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 领导的走访记录 / A leader’s visits
     * @description year 按走访日期筛选；最近的在前。 / year filters by the visit’s date; latest first.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['listLeaderVisits'];
    put?: never;
    /**
     * 记录领导走访联系社区 / Record a leader’s visit to the paired community
     * @description 由领导本人、联系社区的召集人或管理员记录（其他可见者 403，不可见者 404）；不得为未来日期。领导出现在社区联席会议的参会名单中时自动计为一次走访（joint_meeting）。 / By the leader themselves, the paired community’s convener or an admin (403 for others who may see the leader, 404 for the rest); not in the future. A leader among the attendees of a community joint meeting counts as a visit by itself (joint_meeting).
     *
     *     角色 / Roles: admin, convener, leader.
     */
    post: operations['recordVisit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 市直部门及其结对社区 / City departments and the communities they are paired with
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['listDepartments'];
    put?: never;
    /**
     * 登记市直部门 / Register a city department
     * @description 201 新建；相同内容重复提交为 200；编码已被不同内容占用为 409 code_taken。 / 201 when registered, 200 when repeated with the same details, 409 code_taken when the code has other details.
     *
     *     角色 / Roles: admin.
     */
    post: operations['registerDepartment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{unitRef}/department-pairings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * 设置社区的结对部门（整表替换，3–5 个） / Set a community’s paired departments (the whole list, 3 to 5)
     * @description 全部成功或全部不变。数量不在规则范围内为 400 departmentCodes；部门不存在为 400 departmentCodes.<序号>；不是社区为 400 path.unitRef。未列出的结对结束，新列出的自今日起计考勤。同一社区的名单同时被另一请求修改时为 409 duplicate（请重试）。 / All or nothing. A count outside the rule’s range is 400 departmentCodes; an unknown department 400 departmentCodes.<index>; a unit that is not a community 400 path.unitRef. Pairings not listed end; new ones count attendance from today. 409 duplicate when another change of the same community’s list ran at the same moment (retry).
     *
     *     角色 / Roles: admin.
     */
    put: operations['setDepartmentPairings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{unitRef}/pairings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 社区的联系领导与结对部门 / A community’s paired leaders and departments
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getCommunityPairings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 各领导本期走访情况（已走访、待走访、逾期） / Each leader’s visits in a period: visited, pending, overdue
     * @description period 缺省为当前走访周期；月份或季度取其所在的走访周期；长于走访周期（如按季度统计时的年份）为 400。 / period defaults to the current visit period; a month or quarter names the visit period it lies in; a longer one (a year when visits count per quarter) is 400.
     *
     *     角色 / Roles: admin, supervisor.
     */
    get: operations['listLeaderVisitStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision/visits/by-leader': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 各领导全年走访次数（按周期） / Visits per leader in a year, by period
     * @description year 缺省为今年。 / year defaults to the current one.
     *
     *     角色 / Roles: admin, supervisor.
     */
    get: operations['listVisitsByLeader'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 结对部门参加社区联席会议情况（连续缺席） / Paired departments’ attendance at community joint meetings (absences in a row)
     * @description period 缺省为本季度。部门用户只见本部门，召集人与领导只见本辖区社区；communityId、departmentId 只会缩小范围。 / period defaults to the current quarter. A department user sees their department only, a convener or leader their communities only; communityId and departmentId only narrow that.
     *
     *     角色 / Roles: admin, supervisor, convener, leader, department.
     */
    get: operations['getDepartmentAttendance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/pairings/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 批量导入三进结对：市级领导、市直部门与社区（CSV / XLSX） / Bulk import of the entries’ pairings: city leaders, departments and communities (CSV / XLSX)
     * @description 每行一位领导或一个部门（类型列：领导 / 部门）；领导结对一个社区，部门每行结对一个社区（同一部门编码可出现在多行，信息须一致）。每个社区结对部门数须在规则范围内（默认 3–5）。全部成功或全部不写入；同一文件再次导入不新建，并启动各领导的走访义务。 / One leader or department per row (type: leader / department); a leader is paired with one community, a department with one community per row (the same department code on several rows, with the same details). Each community must end with the rule’s number of departments (3 to 5 by default). All or nothing; the same file again creates nothing; each leader’s visit obligation is started. At most 20 MB and 50,000 rows.
     *
     *     角色 / Roles: admin.
     */
    post: operations['importPairings'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/employers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 报到单位 / Registered employers
     * @description 管理员和联络办公室全部；召集人为其辖区社区所在的单位及有党员在其辖区报到的单位；在职党员为其本单位。 / Admins and the office: all; a convener: those sitting in, or with members in, their communities; a member: their own.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['listServingEmployers'];
    put?: never;
    /**
     * 单位报到：登记报到单位及其党组织 / Register an employer and its Party organisation
     * @description 管理员，或所在社区的召集人（所在社区默认为其本社区）。201 新建；相同内容重复提交为 200；编码已被不同内容占用为 409 code_taken。 / An admin, or the convener of the community where it sits (default: their own). 201 when registered, 200 when repeated unchanged, 409 code_taken when the code has other details.
     *
     *     角色 / Roles: admin, convener.
     */
    post: operations['registerServingEmployer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/employers/{ref}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 单个报到单位 / One employer
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getServingEmployer'];
    put?: never;
    post?: never;
    /**
     * 撤销报到单位 / Remove an employer
     * @description 仍有在册党员时为 409 employer_has_members。记录保留。 / 409 employer_has_members while members are registered with it. The record is kept.
     *
     *     角色 / Roles: admin, convener.
     */
    delete: operations['removeServingEmployer'];
    options?: never;
    head?: never;
    /**
     * 修改报到单位信息 / Change an employer’s details
     * @description 管理员，或所在社区的召集人（可见者 403）。 / An admin, or the convener of the community where it sits (403 for others who may see it).
     *
     *     角色 / Roles: admin, convener.
     */
    patch: operations['updateServingEmployer'];
    trace?: never;
  };
  '/api/serving/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 在职党员名单（手机号、身份证号掩码） / Registered members (phone and ID masked)
     * @description 管理员和联络办公室全部；召集人（及其上级）其辖区社区的；在职党员只见本人。 / Admins and the office: all; a convener (or one above): their communities’; a member: themselves.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['listServingMembers'];
    put?: never;
    /**
     * 个人报到：登记在职党员（启动其参与义务） / Register an in-service Party member (starts the participation obligation)
     * @description 管理员或所在社区的召集人。同一手机号或身份证号已登记为 409 duplicate，消息中指明已有记录的 id 与掩码手机号；社区或单位不存在为 400（communityId / employerId）。 / An admin or the home community’s convener. A phone or ID number already registered is 409 duplicate; the message names the existing record’s id and masked phone. 400 (communityId / employerId) when the community or employer does not exist.
     *
     *     角色 / Roles: admin, convener.
     */
    post: operations['registerServingMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/members/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 单个在职党员 / One member
     * @description 全号手机仅对管理员和所在社区召集人显示（fullPhone）。 / The full phone (fullPhone) only for an admin or the community’s convener.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['getServingMember'];
    put?: never;
    post?: never;
    /**
     * 注销在职党员报到（结束参与义务） / Remove a member (ends the participation obligation)
     * @description 记录保留。 / The record is kept.
     *
     *     角色 / Roles: admin, convener.
     */
    delete: operations['removeServingMember'];
    options?: never;
    head?: never;
    /**
     * 修改在职党员信息 / Change a member’s details
     * @description 管理员或所在社区召集人。改为他人已登记的手机号或身份证号为 409 duplicate。 / An admin or the community’s convener. A phone or ID number registered to someone else is 409 duplicate.
     *
     *     角色 / Roles: admin, convener.
     */
    patch: operations['updateServingMember'];
    trace?: never;
  };
  '/api/serving/import/employers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 批量导入报到单位（CSV / XLSX） / Import employers (CSV / XLSX)
     * @description 管理员；或召集人（每行所在社区须为其本社区）。全部成功或全部不写入；同一文件再次导入不新建；dryRun=true 只检查。 / An admin; or a convener (every row’s community theirs). All or nothing; the same file again creates nothing; dryRun=true only checks. At most 20 MB and 50,000 rows.
     *
     *     角色 / Roles: admin, convener.
     */
    post: operations['importServingEmployers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/import/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 批量导入在职党员（CSV / XLSX） / Import members (CSV / XLSX)
     * @description 管理员；或召集人（每行所在社区须为其本社区）。工作单位须已报到（先导入单位）。同一手机号或身份证号已登记且内容不同的行被拒绝，并指明已有记录。全部成功或全部不写入；同一文件再次导入不新建，并启动各党员的参与义务；dryRun=true 只检查。 / An admin; or a convener (every row’s community theirs). Employers must be registered first. A row whose phone or ID number is registered with other details is refused, naming the existing record. All or nothing; the same file again creates nothing and starts each member’s participation obligation; dryRun=true only checks.
     *
     *     角色 / Roles: admin, convener.
     */
    post: operations['importServingMembers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/needs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 需求清单 / The needs list
     * @description 召集人：本社区（或辖区）；在职党员：本人报到社区；督导与管理员：全部。 / A convener: their community (or below); a member: their home community; supervisors and admins: all.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['listServiceNeeds'];
    put?: never;
    /**
     * 发布社区服务需求 / Publish a community need
     * @description 社区召集人或管理员。 / The community’s convener or an admin. 400: communityId not a community, neededOn in the past, claimBy after neededOn.
     *
     *     角色 / Roles: admin, convener.
     */
    post: operations['publishServiceNeed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/needs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 一项需求及其认领 / A need and its claims
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getServiceNeed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/needs/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 取消需求（未完成的认领随之取消） / Cancel a need (its open claims with it)
     * @description 409 item_state：已取消。 / 409 item_state: cancelled already.
     *
     *     角色 / Roles: admin, convener.
     */
    post: operations['cancelServiceNeed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/needs/{id}/claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 认领需求（启动认领提醒） / Claim a need (starts the claim’s reminders)
     * @description 在职党员本人认领本人报到社区的需求（其他社区 400 memberId）；社区召集人可代为认领（memberId）。已满、已过认领截止日、已取消：409 item_state；本人已认领：409 duplicate（写明该认领）。 / A member claims needs of their home community (another: 400 memberId); the convener may claim for a member (memberId). Full, past claimBy or cancelled: 409 item_state; claimed by the member already: 409 duplicate naming the claim.
     *
     *     角色 / Roles: admin, convener, member.
     */
    post: operations['claimServiceNeed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/claims/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 取消认领 / Cancel a claim
     * @description 党员本人或社区召集人；已完成或已取消：409 item_state。 / The member or the community’s convener; done or cancelled: 409 item_state.
     *
     *     角色 / Roles: admin, convener, member.
     */
    post: operations['cancelNeedClaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/claims/{id}/done': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 确认认领服务完成（记入服务记录卡） / Confirm a claim done (a service record on the card)
     * @description 社区召集人或管理员；servedOn 不得为未来日期；已完成或已取消：409 item_state。 / The community’s convener or an admin; servedOn not in the future; done or cancelled: 409 item_state.
     *
     *     角色 / Roles: admin, convener.
     */
    post: operations['confirmNeedClaimDone'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/services': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 记录一次服务（可不经需求） / Record a service (with or without a need)
     * @description 党员报到社区的召集人或管理员；claimId 须为该党员本人的认领（否则 400 claimId），已完成 409。 / The member’s community’s convener or an admin; claimId must be the member’s own claim (else 400 claimId), done already 409.
     *
     *     角色 / Roles: admin, convener.
     */
    post: operations['recordService'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/members/{id}/card': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 在职党员服务记录卡 / A member’s service card
     * @description 党员本人、报到社区（及上级）的召集人、督导与管理员。 / The member themselves, the community’s (or an upper unit’s) convener, supervisors and admins.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['getServiceCard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/rule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 在职党员进社区规则 / The third entry’s rule
     * @description 尚未保存时为默认值。 / The defaults until one is saved.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['getServingRule'];
    /**
     * 设置在职党员进社区规则（参与服务自下一周期起生效） / Set the third entry’s rule (participation: from the next period)
     * @description 联络办或管理员；记入审计。参与服务的周期与次数自下一周期起生效；认领与回执的期限自其下一步起。 / The liaison office or an admin; audited. The participation period and minimum apply from the next period; claim and receipt deadlines from their next step.
     *
     *     角色 / Roles: admin, supervisor.
     */
    put: operations['setServingRule'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/members/{id}/participation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 在职党员本期参与服务情况（截止日、已服务次数、下一次提醒） / A member’s current participation period: due date, services, next reminder
     * @description 本人、所在社区（或其上级）的召集人、联络办与管理员可见；其他为 404。 / The member themself, the convener of their community (or above it), the office and admins; 404 for others.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['getMemberParticipation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/below-minimum': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 本期（或指定周期）服务次数未达要求的在职党员 / Members below the minimum in the current (or a given) period
     * @description 社区召集人看本社区（不给 communityId 时为其可见的全部社区），联络办与管理员看任一社区或全市。period 为年 "2026" 或半年 "2026-H2"，缺省为规则的当前周期；年度按半年规则时最少次数加倍；按年规则时不接受半年（400 period）。手机号只显示后 4 位。 / A community’s convener sees their community (without communityId: every community they may read); the office and admins any community or the whole city. period: a year "2026" or a half-year "2026-H2", default the rule’s current period; a year under a half-year rule counts the minimum twice; a half-year under a yearly rule is 400 (period). Phones show only their last 4 digits.
     *
     *     角色 / Roles: admin, supervisor, convener.
     */
    get: operations['listServingBelowMinimum'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/receipts/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 回执页：单位查看本季度反馈（免登录） / Receipt page: the employer reads the quarter’s feedback (no login)
     * @description 令牌即凭证：只显示该单位在该社区报到党员的记录。未知令牌 404；已确认或已过期 410。 / The token is the credential: only that employer’s members. Unknown 404; confirmed or expired 410.
     *
     *     无需登录 / No login needed.
     */
    get: operations['getServingReceipt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/receipts/{token}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 确认回执（一次性） / Confirm the receipt (single use)
     * @description 第二次使用或过期后为 410。 / A second use or an expired link answers 410.
     *
     *     无需登录 / No login needed.
     */
    post: operations['confirmServingReceipt'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/feedback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 社区季度反馈情况（按单位） / A community’s quarterly feedback, per employer
     * @description periodKey 缺省为上一季度。社区召集人（及其上级）、督查、管理员可查看。 / periodKey defaults to the last quarter ended. The community’s convener (or above), supervisors and admins.
     *
     *     角色 / Roles: admin, supervisor, convener, leader.
     */
    get: operations['getServingFeedback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 年度评议（党员与单位） / Year-end evaluation (members and employers)
     * @description 角色 / Roles: admin, supervisor, convener, leader.
     */
    get: operations['getServingEvaluations'];
    /**
     * 录入评议等次 / Enter a year-end grade
     * @description 仅该社区召集人或管理员。 / The community’s own convener or an admin.
     *
     *     角色 / Roles: admin, convener.
     */
    put: operations['setServingEvaluation'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/figures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 在职党员进社区统计（各社区、街道与全市：报到单位与党员、需求、服务时长、未达最低次数） / Serving members’ figures per community, street and city: registrations, needs, service hours, below the minimum
     * @description 只统计调用者可见的社区；year 缺省为本年。 / Only the communities the caller may read count; year defaults to this year.
     *
     *     角色 / Roles: admin, supervisor, convener, leader.
     */
    get: operations['getServingFigures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/serving/figures.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 导出在职党员进社区统计（Excel） / Export the serving members’ figures (Excel)
     * @description 两个工作表：各社区（含合计）、各街道（含合计）；只有统计数字，没有个人信息。 / Two sheets: per community and per street, each with the total; figures only, nothing personal.
     *
     *     角色 / Roles: admin, supervisor, convener, leader.
     */
    get: operations['exportServingFigures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 督办工作台（网页界面） / The dashboard (web UI)
     * @description 构建好的单页应用（中文默认，可切换英文）；页面本身无需登录，数据经 /api 登录后读取。未构建时为 503 页面，提示运行 npm run build:web。 / The built single-page app (zh-CN by default, English switch); the page needs no login, its data comes from /api after logging in. Before the bundle is built: a 503 page saying to run npm run build:web.
     *
     *     无需登录 / No login needed.
     */
    get: operations['getDashboard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ui-config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 网页界面的配置（Temporal Web UI 地址） / The web UI’s settings (the Temporal Web UI address)
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getUiConfig'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/years': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 各年份工作日数据的来源 / Where each year’s working days come from
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['listCalendarYears'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/years/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 一年的放假日与调休上班日 / A year’s off days and make-up workdays
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getCalendarYear'];
    /**
     * 按日期清单录入一年的工作日 / Enter a year’s working days as date lists
     * @description 给出放假日与调休上班日清单（无通知原文时）。录入与重新安排同上。 / For who has the dates but not the text; stored and re-planned as above.
     *
     *     角色 / Roles: admin, supervisor.
     */
    put: operations['putCalendarYear'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/years/{year}/notice': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 粘贴国务院节假日安排通知：预览，确认后录入 / Paste the State Council’s holiday notice: preview, then confirm to store
     * @description 正文为 JSON {"text": "…"} 或通知全文（text/plain）。不带 confirm 只预览：各放假日和调休上班日（星期与通知所注核对），以及与“周一至周五”相比变化的月、季、年到期日；confirm=true 录入（审计），并重新安排该年相关的未结义务、走访义务和上移议题，不重复发送任何通知。通知所注星期与日期不符、日期重复或既放假又上班、年份与路径不符：400，指明行号。 / JSON {"text": "…"} or the notice itself as text/plain. Without confirm: a preview (every off day and make-up day, weekday notes checked against the dates, the month, quarter and year due dates that differ from Monday–Friday); confirm=true stores it (audited) and re-plans the open obligations, visit obligations and escalations of that year without sending any notice twice. A weekday note that contradicts its date, a day listed twice or both off and working, a year other than the path’s: 400 naming the line.
     *
     *     角色 / Roles: admin, supervisor.
     */
    post: operations['enterHolidayNotice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/days': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 逐日：是否工作日及原因 / Day by day: working or not, and why
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['listCalendarDays'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 修改自己的密码 / Change one’s own password
     * @description 须提供当前密码；成功后该用户此前的所有令牌失效，返回新令牌。临时密码的用户登录后只能先调用此接口。 / The current password is required; every token issued before ends, and a new one is returned. A user with a temporary password may call nothing else first.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    post: operations['changeOwnPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 停用用户（立即结束其所有会话） / Disable a user (every session ends at once)
     * @description 其令牌与 API 密钥立即失效；不能停用自己。 / Their tokens and API keys stop working at once; an admin cannot disable themself.
     *
     *     角色 / Roles: admin.
     */
    post: operations['disableUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 重新启用用户 / Enable a user again
     * @description 角色 / Roles: admin.
     */
    post: operations['enableUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/temporary-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 设置临时密码（下次登录须修改） / Set a temporary password (to be changed at the next login)
     * @description 该用户此前的所有令牌失效；登录后须先修改密码。 / Every token issued before ends; after logging in the user must change the password first.
     *
     *     角色 / Roles: admin.
     */
    post: operations['setTemporaryPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision/due': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 本期未达标单位（到期前） / Units not yet met this period (before the due date)
     * @description 各单位按其层级规则的当前周期：尚未开够会议的单位，到期日（周期最后一个工作日）、剩余工作日与自然日、最近一次提醒。 / Per unit, the current period of its level’s rule: units short of meetings, with the due date (the period’s last working day), working and calendar days left, and the last reminder sent.
     *
     *     角色 / Roles: admin, supervisor.
     */
    get: operations['listNotYetMet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision/due.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 导出本期未达标单位（Excel） / Export the units not yet met (Excel)
     * @description 角色 / Roles: admin, supervisor.
     */
    get: operations['exportNotYetMet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision/due-this-week': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 本周到期事项 / Due this week
     * @description 今天至本周日到期且未完成的：会议、领导走访、待上会或待答复的上移议题、未达法定人数的考评。 / Open and due from today to Sunday: meetings, leader visits, escalated items awaiting a meeting or an answer, evaluations below quorum.
     *
     *     角色 / Roles: admin, supervisor.
     */
    get: operations['listDueThisWeek'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/directory': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 单位名录检索 / Search the unit directory
     * @description 按名称、代码或召集人姓名检索（在可见范围内）。 / By name, code or convener, within the caller’s scope.
     *
     *     任何已登录用户 / Any logged-in user.
     */
    get: operations['searchUnitDirectory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{unitRef}/children-status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 下级单位本期状态 / The units below and their current period
     * @description 任何已登录用户 / Any logged-in user.
     */
    get: operations['getChildrenStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/digest-rule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 每周督办摘要的规则 / The weekly digest’s rule
     * @description 角色 / Roles: admin, supervisor.
     */
    get: operations['getDigestRule'];
    /**
     * 修改每周督办摘要的规则 / Change the weekly digest’s rule
     * @description 周几、几点（上海时间）、开或关；工作流 weekly-digest 随即重新安排下一次。退订：POST /api/supervisors 带 digestOptOut。 / Weekday, hour (Shanghai), on or off; workflow weekly-digest plans its next digest again at once. Opt a member out with POST /api/supervisors and digestOptOut.
     *
     *     角色 / Roles: admin, supervisor.
     */
    put: operations['putDigestRule'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AgendaAnswer: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      escalationId: string;
      round: number;
      /**
       * @description resolved | scheduled (handled by handleBy) | declined (with a reason)
       * @enum {string}
       */
      outcome: 'resolved' | 'scheduled' | 'declined';
      text: string;
      handleBy: string | null;
      reason: string | null;
      answeredBy: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      answeredAt: string;
      /** @description The raising unit’s response, once given */
      response: ('confirmed' | 'disputed') | null;
      responseReason: string | null;
      respondedBy: string | null;
      respondedAt: string | null;
    };
    AgendaItem: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description The meeting that raised it
       */
      meetingId: string;
      /**
       * Format: uuid
       * @description The unit whose meeting raised it
       */
      unitId: string;
      unitName: string;
      title: string;
      description: string | null;
      raisedBy: string;
      category: string | null;
      /**
       * @description open → resolved (at its own level) | escalated → taken_up → answered → confirmed (closed), or disputed (back up for a new answer or further up)
       * @enum {string}
       */
      state: 'open' | 'resolved' | 'escalated' | 'taken_up' | 'answered' | 'disputed' | 'confirmed';
      /**
       * Format: uuid
       * @description The unit that must act now: the raising unit, or the upper unit while escalated
       */
      currentUnitId: string;
      /** @description How it was resolved at its own level */
      resolution: string | null;
      resolvedAt: string | null;
      closedAt: string | null;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      /** @description The upper level’s answer deadline has passed unanswered */
      overdue: boolean;
      /** @description Temporal workflow id escalation:<item id>, once escalated */
      workflowId: string | null;
      escalations: components['schemas']['EscalationHop'][];
      feedback: components['schemas']['AgendaAnswer'][];
    };
    AgendaItemInput: {
      title: string;
      description?: string;
      raisedBy: string;
      category?: string;
    };
    AgendaItemPage: {
      items: components['schemas']['AgendaItem'][];
      total: number;
      limit: number;
      offset: number;
    };
    ApiKeyCreated: {
      /** Format: uuid */
      id: string;
      /** @description Shown once: send as `X-API-Key: <key>`; only a digest is kept */
      key: string;
      /** @description The key’s first characters, to recognise it */
      prefix: string;
    };
    AttendanceTable: {
      period: string;
      absenceThreshold: number;
      items: {
        department: {
          /** Format: uuid */
          id: string;
          code: string;
          name: string;
        };
        community: {
          /** Format: uuid */
          id: string;
          name: string;
        };
        /** @description The community’s joint meetings in the period (since the pairing began) */
        meetings: number;
        /** @description …that named the department (name or code) among the attendees */
        attended: number;
        /** @description Meetings missed in a row up to the latest, any period */
        absentInARow: number;
        /** @description absentInARow is at least the rule’s absenceThreshold */
        flagged: boolean;
      }[];
    };
    AuditPage: {
      items: {
        /** Format: uuid */
        id: string;
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        at: string;
        /** @description <role>:<username> */
        actor: string;
        /** @description e.g. unit.update, meeting.record, rule.change */
        action: string;
        entity: string;
        entityId: string;
        /** @description The changed fields before (JSON), or null */
        before: unknown;
        /** @description The changed fields after (JSON), or null */
        after: unknown;
      }[];
      total: number;
      limit: number;
      offset: number;
    };
    CadenceRule: {
      /** @enum {string} */
      period: 'month' | 'quarter' | 'year';
      minMeetings: number;
      reminderLadder: number[];
      supervisorAfterDays: number;
      countAdhoc: boolean;
      /** @enum {string} */
      level: 'city' | 'street' | 'community' | 'compound' | 'building';
    };
    CadenceRuleInput: {
      /** @enum {string} */
      period: 'month' | 'quarter' | 'year';
      minMeetings: number;
      reminderLadder: number[];
      supervisorAfterDays: number;
      countAdhoc: boolean;
    };
    CadenceRuleList: {
      items: components['schemas']['CadenceRule'][];
    };
    CalendarCoverage: {
      currentYear: number;
      /** @description This year and next year, when they have no data */
      missing: number[];
      items: {
        year: number;
        /**
         * @description package: the chinese-days package; notice: a pasted notice; admin: date lists; missing: Monday–Friday assumed
         * @enum {string}
         */
        source: 'package' | 'notice' | 'admin' | 'missing';
        offDays: number;
        makeupWorkdays: number;
        enteredBy: string | null;
        enteredAt: string | null;
      }[];
    };
    CalendarDays: {
      items: {
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        date: string;
        working: boolean;
        /** @enum {string} */
        reason: 'workday' | 'weekend' | 'holiday' | 'makeup-workday';
        holiday: string | null;
        /**
         * @description package: the chinese-days package; notice: a pasted notice; admin: date lists; missing: Monday–Friday assumed
         * @enum {string}
         */
        source: 'package' | 'notice' | 'admin' | 'missing';
      }[];
    };
    CalendarNoticeInput: {
      /** @description The notice as published (国务院办公厅关于XXXX年部分节假日安排的通知), pasted whole */
      text: string;
    };
    CalendarYear: {
      year: number;
      /**
       * @description package: the chinese-days package; notice: a pasted notice; admin: date lists; missing: Monday–Friday assumed
       * @enum {string}
       */
      source: 'package' | 'notice' | 'admin' | 'missing';
      offDays: string[];
      makeupWorkdays: string[];
      names: {
        [key: string]: string;
      };
      enteredBy: string | null;
      enteredAt: string | null;
    };
    CalendarYearAnswer: {
      year: number;
      /** @description false: a preview, nothing stored */
      confirmed: boolean;
      holidays: {
        name: string;
        /** @description Line of the pasted notice */
        line: number;
        offDays: string[];
        makeupWorkdays: string[];
      }[];
      offDays: {
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        date: string;
        /** @description 0 = Sunday … 6 = Saturday */
        weekday: number;
        holiday: string | null;
      }[];
      makeupWorkdays: {
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        date: string;
        /** @description 0 = Sunday … 6 = Saturday */
        weekday: number;
        holiday: string | null;
      }[];
      /** @description Due dates (last working day of each month, quarter and the year) that differ from Monday–Friday */
      changedDueDates: {
        period: string;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        weekdaysOnly: string;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        withNotice: string;
      }[];
      /**
       * @description What the year was before
       * @enum {string}
       */
      replaces: 'package' | 'notice' | 'admin' | 'missing';
      /** @description Said when the year has closed periods: they are not changed */
      closedPeriods: string | null;
      /** @description Confirmed: the open plans planned again */
      moved: {
        meetingObligations: number;
        visitObligations: number;
        escalations: number;
      } | null;
    };
    CalendarYearInput: {
      /** @description Days off by the notice */
      offDays: string[];
      /** @description Weekend days that are working days (调休上班) */
      makeupWorkdays: string[];
      /** @description The holiday of each day, e.g. 元旦 */
      names?: {
        [key: string]: string;
      };
    };
    CancelledNeed: {
      need: components['schemas']['ServiceNeed'];
      /** @description false: recorded, but Temporal was unreachable; the workflows re-read the record before any notice */
      obligationsNotified: boolean;
    };
    ChangedAgendaItem: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description The meeting that raised it
       */
      meetingId: string;
      /**
       * Format: uuid
       * @description The unit whose meeting raised it
       */
      unitId: string;
      unitName: string;
      title: string;
      description: string | null;
      raisedBy: string;
      category: string | null;
      /**
       * @description open → resolved (at its own level) | escalated → taken_up → answered → confirmed (closed), or disputed (back up for a new answer or further up)
       * @enum {string}
       */
      state: 'open' | 'resolved' | 'escalated' | 'taken_up' | 'answered' | 'disputed' | 'confirmed';
      /**
       * Format: uuid
       * @description The unit that must act now: the raising unit, or the upper unit while escalated
       */
      currentUnitId: string;
      /** @description How it was resolved at its own level */
      resolution: string | null;
      resolvedAt: string | null;
      closedAt: string | null;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      /** @description The upper level’s answer deadline has passed unanswered */
      overdue: boolean;
      /** @description Temporal workflow id escalation:<item id>, once escalated */
      workflowId: string | null;
      escalations: components['schemas']['EscalationHop'][];
      feedback: components['schemas']['AgendaAnswer'][];
      /** @description false: recorded, but Temporal was unreachable; the workflow re-reads the record before any notice */
      workflowNotified: boolean;
    };
    ChildrenStatus: {
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      today: string;
      unit: {
        id: string;
        code: string;
        name: string;
        /** @enum {string} */
        level: 'city' | 'street' | 'community' | 'compound' | 'building';
      };
      items: components['schemas']['UnitDue'][];
    };
    CoBuildingBody: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      communityId: string;
      communityCode: string;
      communityName: string;
      name: string;
      functions: ('party_resources' | 'security_governance' | 'facilities_welfare' | 'culture_customs')[];
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      members: {
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        bodyId: string;
        name: string;
        /** @enum {string} */
        kind: 'agency' | 'enterprise' | 'institution' | 'social_organisation';
        contactName: string | null;
        contactPhone: string | null;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        joinedOn: string;
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        createdAt: string;
        commitments: components['schemas']['CoBuildingCommitment'][];
        /** @description Things done by this member */
        thingsDone: number;
        /** @description Their value */
        valueYuan: number;
      }[];
      /** @description Every thing done, earliest first */
      things: components['schemas']['CoBuildingThing'][];
      totals: {
        memberUnits: number;
        commitments: number;
        /** @description Sum of the commitments’ values */
        pledgedYuan: number;
        thingsDone: number;
        /** @description Sum of the things’ values */
        valueYuan: number;
      };
    };
    CoBuildingBodyInput: {
      name: string;
      functions: ('party_resources' | 'security_governance' | 'facilities_welfare' | 'culture_customs')[];
    };
    CoBuildingCommitment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      memberId: string;
      /** @description What was pledged (承诺内容) */
      pledge: string;
      kinds: ('people' | 'goods' | 'money')[];
      /** @description The pledged value in yuan, if any */
      valueYuan: number | null;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      signedOn: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
    };
    CoBuildingMember: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      bodyId: string;
      name: string;
      /** @enum {string} */
      kind: 'agency' | 'enterprise' | 'institution' | 'social_organisation';
      contactName: string | null;
      contactPhone: string | null;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      joinedOn: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
    };
    CoBuildingMemberInput: {
      name: string;
      /** @enum {string} */
      kind: 'agency' | 'enterprise' | 'institution' | 'social_organisation';
      contactName?: string;
      contactPhone?: string;
      /** Format: date */
      joinedOn: string;
    };
    CoBuildingSummary: {
      /** @description The year asked for; null: all years */
      year: number | null;
      streetId?: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      asOf: string;
      totals: {
        bodies: number;
        memberUnits: number;
        commitments: number;
        /** @description Sum of the commitments’ values */
        pledgedYuan: number;
        thingsDone: number;
        /** @description Sum of the things’ values */
        valueYuan: number;
      };
      communities: {
        /** Format: uuid */
        communityId: string;
        communityCode: string;
        communityName: string;
        streetId: string | null;
        streetName: string | null;
        /** Format: uuid */
        bodyId: string;
        bodyName: string;
        memberUnits: number;
        commitments: number;
        /** @description Sum of the commitments’ values */
        pledgedYuan: number;
        thingsDone: number;
        /** @description Sum of the things’ values */
        valueYuan: number;
      }[];
    };
    CoBuildingThing: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      bodyId: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      doneOn: string;
      description: string;
      /** @description 元（两位小数） / Yuan (two decimals) */
      valueYuan: number;
      /** @description The member unit that did it, or null for the body as a whole */
      memberId: string | null;
      memberName: string | null;
      /** @description <role>:<username> */
      recordedBy: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
    };
    CommitmentInput: {
      pledge: string;
      kinds: ('people' | 'goods' | 'money')[];
      /** @description 元，最多两位小数 / Yuan, at most two decimals */
      valueYuan?: number;
      /** Format: date */
      signedOn: string;
    };
    CommunityPairings: {
      /** Format: uuid */
      communityId: string;
      /** @description The leaders paired with the community */
      leaders: components['schemas']['Leader'][];
      departments: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
        contactName: string;
        /** @description Shown to supervisors, admins and the convener of a paired community only; null for others */
        contactEmail: string | null;
        /** @enum {string} */
        locale: 'zh-CN' | 'en';
        /**
         * Format: date
         * @description Attendance counts from this day
         */
        pairedOn: string;
      }[];
    };
    CompliancePage: {
      items: {
        /** @enum {string} */
        level: 'city' | 'street' | 'community' | 'compound' | 'building';
        periodKey: string;
        total: number;
        met: number;
        overdue: number;
        /** @description met / total, 3 decimals */
        rate: number | null;
      }[];
      limit: number;
      offset: number;
    };
    Department: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      contactName: string;
      /** @description Shown to supervisors, admins and the convener of a paired community only; null for others */
      contactEmail: string | null;
      /** @enum {string} */
      locale: 'zh-CN' | 'en';
    };
    DepartmentInput: {
      code: string;
      name: string;
      contactName: string;
      /** Format: email */
      contactEmail: string;
      /** @enum {string} */
      locale?: 'zh-CN' | 'en';
    };
    DepartmentList: {
      items: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
        contactName: string;
        /** @description Shown to supervisors, admins and the convener of a paired community only; null for others */
        contactEmail: string | null;
        /** @enum {string} */
        locale: 'zh-CN' | 'en';
        /** @description Communities paired now */
        communityIds: string[];
      }[];
    };
    DepartmentPairingsInput: {
      departmentCodes: string[];
    };
    DigestRule: {
      enabled: boolean;
      /** @description ISO weekday, 1 = Monday … 7 = Sunday */
      weekday: number;
      /** @description Hour, Asia/Shanghai */
      hour: number;
    };
    DigestRuleInput: {
      enabled: boolean;
      /** @description ISO weekday, 1 = Monday … 7 = Sunday */
      weekday: number;
      /** @description Hour, Asia/Shanghai */
      hour: number;
    };
    DirectoryPage: {
      items: components['schemas']['Unit'][];
      total: number;
      limit: number;
      offset: number;
    };
    DuePage: {
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      today: string;
      items: components['schemas']['UnitDue'][];
      total: number;
      limit: number;
      offset: number;
    };
    DueThisWeek: {
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      from: string;
      /**
       * Format: date
       * @description Sunday of this week
       */
      to: string;
      /** @description e.g. 2026-W49 */
      isoWeek: string;
      items: {
        /** @enum {string} */
        kind: 'meeting' | 'visit' | 'escalation_schedule' | 'escalation_answer' | 'evaluation';
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        dueOn: string;
        workingDaysLeft: number;
        daysLeft: number;
        subject: string;
        unit: {
          id: string;
          code: string;
          name: string;
          /** @enum {string} */
          level: 'city' | 'street' | 'community' | 'compound' | 'building';
        };
        progress: {
          done: number;
          required: number;
        } | null;
        /** @description The unit, leader, agenda item or evaluation campaign */
        refId: string;
      }[];
    };
    EntriesRule: {
      /** @description Paired departments per community: at least */
      minDepartmentsPerCommunity: number;
      /** @description …and at most */
      maxDepartmentsPerCommunity: number;
      /**
       * @description Each leader visits at least minVisits times per period
       * @enum {string}
       */
      visitPeriod: 'month' | 'quarter' | 'year';
      minVisits: number;
      /** @description Working days before the period’s due date */
      visitReminderLadder: number[];
      /** @description Working days after the overdue notice at which the supervisors are told */
      visitSupervisorAfterDays: number;
      /** @description A paired department absent from this many community meetings in a row is noticed */
      absenceThreshold: number;
      /** @description Raters per community at the year-end evaluation */
      evaluationQuorum: number;
      /** @description MM-DD */
      evaluationOpensOn: string;
      /** @description MM-DD */
      evaluationClosesOn: string;
      evaluationReminderEveryDays: number;
      /**
       * @description An absence notice found on a day off: wait for the next working day’s notice hour (09:00–09:10), or go at-once
       * @enum {string}
       */
      attendanceNotices: 'wait' | 'at-once';
    };
    EntriesRuleInput: {
      minDepartmentsPerCommunity: number;
      maxDepartmentsPerCommunity: number;
      /** @enum {string} */
      visitPeriod: 'month' | 'quarter' | 'year';
      minVisits: number;
      visitReminderLadder: number[];
      visitSupervisorAfterDays: number;
      absenceThreshold: number;
      evaluationQuorum: number;
      evaluationOpensOn: string;
      evaluationClosesOn: string;
      evaluationReminderEveryDays: number;
      /** @enum {string} */
      attendanceNotices?: 'wait' | 'at-once';
    };
    Error: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code:
          | 'invalid_input'
          | 'unauthenticated'
          | 'invalid_credentials'
          | 'forbidden'
          | 'password_change_required'
          | 'not_found'
          | 'no_mail_sink'
          | 'duplicate'
          | 'unit_code_taken'
          | 'unit_has_children'
          | 'username_taken'
          | 'item_state'
          | 'not_in_queue'
          | 'no_upper_level'
          | 'code_taken'
          | 'campaign_not_open'
          | 'duplicate_rater'
          | 'in_progress'
          | 'employer_has_members'
          | 'receipt_confirmed'
          | 'receipt_expired'
          | 'payload_too_large'
          | 'unsupported_media_type'
          | 'idempotency_key_reused'
          | 'rate_limited'
          | 'internal'
          | 'obligations_not_started'
          | 'database_unavailable';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error400: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code: 'invalid_input';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error401: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code: 'unauthenticated' | 'invalid_credentials';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error403: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code: 'forbidden' | 'password_change_required';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error404: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code: 'not_found' | 'no_mail_sink';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error409: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code:
          | 'duplicate'
          | 'unit_code_taken'
          | 'unit_has_children'
          | 'username_taken'
          | 'item_state'
          | 'not_in_queue'
          | 'no_upper_level'
          | 'code_taken'
          | 'campaign_not_open'
          | 'duplicate_rater'
          | 'in_progress'
          | 'employer_has_members';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error410: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code: 'receipt_confirmed' | 'receipt_expired';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error413: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code: 'payload_too_large';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error415: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code: 'unsupported_media_type';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error422: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code: 'idempotency_key_reused';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error429: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code: 'rate_limited';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error500: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code: 'internal';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    Error503: {
      error: {
        /**
         * @description Stable, machine-readable error code
         * @enum {string}
         */
        code: 'obligations_not_started' | 'database_unavailable';
        /** @description For people: zh-CN and/or English */
        message: string;
        /** @description The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name */
        field?: string;
      };
    };
    EscalationHop: {
      /** Format: uuid */
      id: string;
      /** @description 1 for the first hop, 2 when the upper level sent it further up, … */
      hop: number;
      /** Format: uuid */
      fromUnitId: string;
      /** Format: uuid */
      toUnitId: string;
      /** @description What the matter is */
      what: string;
      /** @description Why it cannot be solved at the lower level */
      whyNotSolvable: string;
      /** @description What is asked of the upper level */
      ask: string;
      /** @description The minutes of the meeting that sent it up (they travel with the ledger entry) */
      minutes: string;
      sourceMeetingId: string | null;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      escalatedAt: string;
      /** @description <role>:<username>, or `rule` when the deadline rules sent it up */
      escalatedBy: string;
      /** @description true: the deadline rules sent it up after a missed answer deadline */
      escalatedByRule: boolean;
      /**
       * Format: date
       * @description The upper level puts it on a meeting by this working day
       */
      scheduleBy: string;
      /**
       * Format: date
       * @description …and answers by this one (moved by an extension, reset by a dispute)
       */
      answerBy: string;
      takenUpMeetingId: string | null;
      takenUpAt: string | null;
      /** @description 0, then 1, 2, … after each dispute sends it back for a new answer */
      round: number;
      /** @enum {string} */
      state: 'pending' | 'taken_up' | 'answered' | 'escalated_further';
      extensions: {
        round: number;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        fromDate: string;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        toDate: string;
        reason: string;
        /** @description <role>:<username> of the liaison office */
        approvedBy: string;
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        at: string;
      }[];
    };
    EscalationInput: {
      what: string;
      whyNotSolvable: string;
      ask: string;
      /** Format: uuid */
      meetingId?: string;
    };
    EscalationPage: {
      items: {
        /** Format: uuid */
        agendaItemId: string;
        title: string;
        raisedByUnit: {
          /** Format: uuid */
          id: string;
          name: string;
        };
        hop: number;
        toUnit: {
          /** Format: uuid */
          id: string;
          name: string;
          level: ('city' | 'street' | 'community' | 'compound' | 'building') | null;
        };
        /** @enum {string} */
        state: 'pending' | 'taken_up';
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        escalatedAt: string;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        scheduleBy: string;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        answerBy: string;
        overdue: boolean;
      }[];
      total: number;
      limit: number;
      offset: number;
    };
    EscalationRule: {
      /**
       * @description The receiving (upper) level
       * @enum {string}
       */
      level: 'city' | 'street' | 'community' | 'compound' | 'building';
      /** @description Working days to put the item on a meeting */
      scheduleWithinDays: number;
      /** @description Working days to answer (from the escalation, or a dispute) */
      answerWithinDays: number;
      /** @description Working days before each deadline */
      reminderLadder: number[];
      /** @description Working days after the overdue notice at which the supervisors are told */
      supervisorAfterDays: number;
      /** @description When set: an unanswered item climbs a level this many working days after the overdue notice */
      autoEscalateAfterDays: number | null;
      /** @description Working days after an answer before the raising convener is reminded */
      confirmWithinDays: number;
      /**
       * @description An event notice (received, disputed, extended, answered) arising on a day off: wait for the next working day’s notice hour (09:00–09:10), or go at-once
       * @enum {string}
       */
      eventNotices: 'wait' | 'at-once';
    };
    EscalationRuleInput: {
      scheduleWithinDays: number;
      answerWithinDays: number;
      reminderLadder: number[];
      supervisorAfterDays: number;
      autoEscalateAfterDays: number | null;
      confirmWithinDays: number;
      /** @enum {string} */
      eventNotices?: 'wait' | 'at-once';
    };
    EscalationRuleList: {
      items: components['schemas']['EscalationRule'][];
    };
    EscalationStatus: {
      /** @description escalation:<item id> */
      workflowId: string;
      /** Format: uuid */
      agendaItemId: string;
      /**
       * @description starting: not planned yet; missing: the item is gone; otherwise the item’s state
       * @enum {string}
       */
      state:
        'starting' | 'missing' | 'open' | 'resolved' | 'escalated' | 'taken_up' | 'answered' | 'disputed' | 'confirmed';
      /** @description The hop in force (0: not escalated) */
      hop: number;
      /** @description The unit that must act now */
      currentUnitId: string | null;
      scheduleBy: string | null;
      answerBy: string | null;
      /** @description The next notice (or the rules’ climb) the item is owed; null: none until the record changes */
      nextStep: {
        /** @description received, schedule-reminder-<n>, call-meeting, answer-reminder-<n>, overdue, overdue-supervisors, auto-escalate, confirm-reminder, … */
        step: string;
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        at: string;
      } | null;
    };
    EvaluationBallot: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      campaignId: string;
      /** @enum {string} */
      raterKind: 'party_member' | 'resident';
      raterName: string | null;
      recordedBy: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      scores: {
        /** Format: uuid */
        departmentId: string;
        score: number;
      }[];
      /** @description Ballots recorded in the campaign, this one included */
      raters: number;
      quorum: number;
    };
    EvaluationBallotInput: {
      /** @enum {string} */
      raterKind: 'party_member' | 'resident';
      raterName?: string;
      /** @description 评分人身份证号或手机号（只保存其摘要） / The rater’s ID or phone number (only a digest of it is kept) */
      raterRef?: string;
      scores: {
        departmentId: string;
        score: number;
      }[];
    };
    EvaluationCampaign: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      communityId: string;
      communityName: string;
      streetId: string | null;
      year: number;
      /**
       * @description scheduled → open → closed; cancelled: no paired department at opening
       * @enum {string}
       */
      status: 'scheduled' | 'open' | 'closed' | 'cancelled';
      /** @description Raters needed */
      quorum: number;
      /** @description Ballots recorded so far */
      raters: number;
      quorumMet: boolean;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      opensAt: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      closesAt: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      opensOn: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      closesOn: string;
      closedAt: string | null;
      /** @description Temporal workflow id: evaluation:<community id>:<year> */
      workflowId: string;
    };
    EvaluationCampaignDetail: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      communityId: string;
      communityName: string;
      streetId: string | null;
      year: number;
      /**
       * @description scheduled → open → closed; cancelled: no paired department at opening
       * @enum {string}
       */
      status: 'scheduled' | 'open' | 'closed' | 'cancelled';
      /** @description Raters needed */
      quorum: number;
      /** @description Ballots recorded so far */
      raters: number;
      quorumMet: boolean;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      opensAt: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      closesAt: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      opensOn: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      closesOn: string;
      closedAt: string | null;
      /** @description Temporal workflow id: evaluation:<community id>:<year> */
      workflowId: string;
      /** @description Closed: mean and median are given */
      final: boolean;
      raterKinds: {
        party_member: number;
        resident: number;
      };
      departments: {
        /** Format: uuid */
        departmentId: string;
        code: string;
        name: string;
        count: number;
        /** @description Once closed */
        mean: number | null;
        /** @description Once closed */
        median: number | null;
        quorumMet: boolean;
      }[];
    };
    EvaluationCampaignPage: {
      items: components['schemas']['EvaluationCampaign'][];
      total: number;
      limit: number;
      offset: number;
    };
    EvaluationCampaignsInput: {
      year: number;
    };
    EvaluationCampaignsStarted: {
      year: number;
      created: number;
      /** @description Workflows started or found running */
      started: number;
      items: components['schemas']['EvaluationCampaign'][];
    };
    EvaluationResults: {
      year: number;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      asOf: string;
      campaigns: {
        closed: number;
        /** @description Scheduled or open: not in the table yet */
        pending: number;
      };
      rows: {
        /** Format: uuid */
        departmentId: string;
        code: string;
        name: string;
        communities: {
          /** Format: uuid */
          communityId: string;
          communityName: string;
          /** Format: uuid */
          campaignId: string;
          quorum: number;
          count: number;
          mean: number | null;
          median: number | null;
          quorumMet: boolean;
        }[];
        overall: {
          communities: number;
          communitiesQuorumMet: number;
          raters: number;
          /** @description The mean of the communities’ means where the quorum was met */
          mean: number | null;
        };
      }[];
    };
    ExtendedAgendaItem: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description The meeting that raised it
       */
      meetingId: string;
      /**
       * Format: uuid
       * @description The unit whose meeting raised it
       */
      unitId: string;
      unitName: string;
      title: string;
      description: string | null;
      raisedBy: string;
      category: string | null;
      /**
       * @description open → resolved (at its own level) | escalated → taken_up → answered → confirmed (closed), or disputed (back up for a new answer or further up)
       * @enum {string}
       */
      state: 'open' | 'resolved' | 'escalated' | 'taken_up' | 'answered' | 'disputed' | 'confirmed';
      /**
       * Format: uuid
       * @description The unit that must act now: the raising unit, or the upper unit while escalated
       */
      currentUnitId: string;
      /** @description How it was resolved at its own level */
      resolution: string | null;
      resolvedAt: string | null;
      closedAt: string | null;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      /** @description The upper level’s answer deadline has passed unanswered */
      overdue: boolean;
      /** @description Temporal workflow id escalation:<item id>, once escalated */
      workflowId: string | null;
      escalations: components['schemas']['EscalationHop'][];
      feedback: components['schemas']['AgendaAnswer'][];
      /** @description The workflow’s status with the new deadline; null when it could not be updated (it was signalled instead) */
      workflow: {
        /** Format: uuid */
        agendaItemId: string;
        /**
         * @description starting: not planned yet; missing: the item is gone; otherwise the item’s state
         * @enum {string}
         */
        state:
          | 'starting'
          | 'missing'
          | 'open'
          | 'resolved'
          | 'escalated'
          | 'taken_up'
          | 'answered'
          | 'disputed'
          | 'confirmed';
        /** @description The hop in force (0: not escalated) */
        hop: number;
        /** @description The unit that must act now */
        currentUnitId: string | null;
        scheduleBy: string | null;
        answerBy: string | null;
        /** @description The next notice (or the rules’ climb) the item is owed; null: none until the record changes */
        nextStep: {
          /** @description received, schedule-reminder-<n>, call-meeting, answer-reminder-<n>, overdue, overdue-supervisors, auto-escalate, confirm-reminder, … */
          step: string;
          /**
           * Format: date-time
           * @description ISO 8601 instant (UTC)
           */
          at: string;
        } | null;
      } | null;
    };
    ExtensionInput: {
      /** Format: date */
      answerBy: string;
      reason: string;
    };
    FeedbackInput: {
      /** @enum {string} */
      outcome: 'resolved' | 'scheduled' | 'declined';
      text: string;
      /** Format: date */
      handleBy?: string;
      reason?: string;
    };
    FigureRow: {
      /** @enum {string} */
      level: 'city' | 'street' | 'community' | 'compound' | 'building' | 'total';
      /** @description Meetings of the level’s units held in the period */
      meetingsHeld: number;
      /** @description Agenda items put before those meetings */
      itemsRaised: number;
      resolvedAtOwnLevel: number;
      /** @description Neither resolved nor escalated (yet) */
      open: number;
      /** @description Sent up at least one level */
      escalated: number;
      /** @description Escalated and answered at least once */
      escalatedAnswered: number;
      /** @description Escalated, answered resolved or scheduled, and the answer confirmed */
      escalatedResolved: number;
      /** @description Escalated and not closed yet */
      pending: number;
      /** @description Pending with the upper level past its answer deadline */
      overdue: number;
    };
    Figures: {
      /** @description 2026, 2026-Q4 or 2026-11 */
      period: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      from: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      to: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      asOf: string;
      /** @enum {string} */
      level?: 'city' | 'street' | 'community' | 'compound' | 'building';
      streetId?: string;
      /** @description One row per level asked for, then the total */
      rows: components['schemas']['FigureRow'][];
    };
    Health: {
      /** @constant */
      status: 'ok';
    };
    ImportRejection: {
      error: {
        /** @constant */
        code: 'import_rejected';
        message: string;
        /** @constant */
        field: 'file';
      };
      rows: {
        /** @description Spreadsheet row, the header is row 1 */
        row: number;
        /** @description The column header as written in the file */
        column: string;
        /** @description zh-CN / English */
        message: string;
      }[];
    };
    ImportSummary: {
      created: number;
      unchanged: number;
      total: number;
    };
    Leader: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      title: string | null;
      email: string;
      phone: string | null;
      /** @enum {string} */
      locale: 'zh-CN' | 'en';
      secretaryName: string | null;
      /** @description The secretary (联络员) copied on reminders */
      secretaryEmail: string | null;
      /**
       * Format: uuid
       * @description The paired community
       */
      communityId: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      /** @description Temporal workflow id: leader-visit:<leader id> */
      obligationWorkflowId: string;
    };
    LeaderInput: {
      code: string;
      name: string;
      title?: string;
      /** Format: email */
      email: string;
      phone?: string;
      /** @enum {string} */
      locale?: 'zh-CN' | 'en';
      secretaryName?: string;
      /** Format: email */
      secretaryEmail?: string;
      communityCode?: string;
      /** Format: uuid */
      communityId?: string;
    };
    LeaderObligation: {
      /** @description leader-visit:<leader id> */
      workflowId: string;
      /** Format: uuid */
      leaderId: string;
      /** Format: uuid */
      communityId: string;
      /**
       * @description starting: the period is not planned yet; ended: the leader was removed
       * @enum {string}
       */
      state: 'starting' | 'watching' | 'ended';
      periodKey: string;
      /** @description The period’s last working day; empty while starting */
      dueDate: string | '';
      /** @description Visits recorded in the period */
      visits: number;
      minVisits: number;
      outcome: ('met' | 'overdue') | null;
      nextNotice: {
        /** @description reminder-<n>, overdue or overdue-supervisors */
        step: string;
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        at: string;
      } | null;
    };
    LeaderPage: {
      items: components['schemas']['Leader'][];
      total: number;
      limit: number;
      offset: number;
    };
    LeaderUpdate: {
      name?: string;
      title?: string | null;
      /** Format: email */
      email?: string;
      phone?: string | null;
      /** @enum {string} */
      locale?: 'zh-CN' | 'en';
      secretaryName?: string | null;
      secretaryEmail?: string | null;
      communityCode?: string;
    };
    LoginInput: {
      username: string;
      password: string;
    };
    LoginResult: {
      /** @description Send as `Authorization: Bearer <token>` */
      token: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      expiresAt: string;
      user: components['schemas']['User'];
    };
    MailMessage: {
      id: number;
      messageId: string;
      from: string;
      to: string[];
      subject: string;
      text: string;
      /** @description The HTML part (same words as the text, the link as a button); null if none */
      html: string | null;
      headers: {
        [key: string]: string;
      };
      attachments: {
        filename: string | null;
        contentType: string;
        size: number;
      }[];
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      receivedAt: string;
    };
    MailMessageList: {
      items: components['schemas']['MailMessage'][];
    };
    Meeting: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      unitId: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      heldOn: string;
      /** @enum {string} */
      kind: 'regular' | 'adhoc';
      /** @description The period the meeting counts for: 2026-Q4, 2026-11 or 2026 */
      periodKey: string;
      attendees: string[];
      minutes: string | null;
      plannedMeetingId: string | null;
    };
    MeetingInput: {
      /** Format: date */
      heldOn: string;
      /**
       * @default regular
       * @enum {string}
       */
      kind: 'regular' | 'adhoc';
      /** @default [] */
      attendees: string[];
      minutes?: string;
      /** Format: uuid */
      plannedMeetingId?: string;
      /** @default [] */
      agendaItems: {
        title: string;
        description?: string;
        raisedBy: string;
        category?: string;
        resolution?: string;
      }[];
      /** @default [] */
      takesUp: string[];
    };
    MeetingList: {
      items: components['schemas']['Meeting'][];
    };
    MemberParticipation: {
      /** @description serving-participation:<member id> */
      workflowId: string;
      /** Format: uuid */
      memberId: string;
      /** Format: uuid */
      communityId: string;
      /**
       * @description starting: the period is not planned yet; ended: the member was removed
       * @enum {string}
       */
      state: 'starting' | 'watching' | 'ended';
      /** @description "2026" or "2026-H2" */
      periodKey: string;
      /** @description The period’s last working day; empty while starting */
      dueDate: string | '';
      /** @description Services counted in the period */
      services: number;
      minServices: number;
      outcome: ('met' | 'overdue') | null;
      nextNotice: {
        /** @description reminder-<n>, or overdue (the close) */
        step: string;
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        at: string;
      } | null;
    };
    NeedClaim: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      needId: string;
      /** Format: uuid */
      memberId: string;
      /** @enum {string} */
      status: 'claimed' | 'done' | 'cancelled';
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      claimedAt: string;
      cancelledAt: string | null;
      doneAt: string | null;
      /** @description need-claim:<claim id> */
      workflowId: string;
      /** @description false: recorded, but Temporal was unreachable; the workflows re-read the record before any notice */
      obligationNotified: boolean;
    };
    NeedClaimInput: {
      /**
       * Format: uuid
       * @description Only when the community claims for a member
       */
      memberId?: string;
    };
    NeedClaimOnNeed: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      needId: string;
      /** Format: uuid */
      memberId: string;
      /** @enum {string} */
      status: 'claimed' | 'done' | 'cancelled';
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      claimedAt: string;
      cancelledAt: string | null;
      doneAt: string | null;
      /** @description need-claim:<claim id> */
      workflowId: string;
      memberName: string;
      /** @description Masked: only the last 4 digits */
      memberPhone: string;
    };
    Notification: {
      /** Format: uuid */
      id: string;
      key: string;
      unitId: string;
      obligation: string;
      periodKey: string;
      step: string;
      /** @description convener | supervisor | invitee */
      audience: string;
      recipient: string;
      subject: string;
      messageId: string;
      /** @description email | webhook */
      channel: string;
      channelNote: string | null;
      /** @description pending | sent */
      status: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      scheduledFor: string;
      sentAt: string | null;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
    };
    NotificationPage: {
      items: components['schemas']['Notification'][];
      total: number;
      limit: number;
      offset: number;
    };
    ObligationStatus: {
      workflowId: string;
      /** Format: uuid */
      unitId: string;
      /**
       * @description starting: the period is not planned yet; ended: the unit was removed
       * @enum {string}
       */
      state: 'starting' | 'watching' | 'ended';
      periodKey: string;
      /** @description The period’s last working day; empty while starting */
      dueDate: string | '';
      meetingsHeld: number;
      minMeetings: number;
      outcome: ('met' | 'overdue') | null;
      nextNotice: {
        /** @description reminder-<n>, overdue or overdue-supervisors */
        step: string;
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        at: string;
      } | null;
    };
    OverduePage: {
      items: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
        /** @enum {string} */
        level: 'city' | 'street' | 'community' | 'compound' | 'building';
        streetId: string | null;
        convenerName: string;
        convenerEmail: string;
        periodKey: string;
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        dueAt: string;
        meetingsHeld: number;
      }[];
      total: number;
      limit: number;
      offset: number;
    };
    PairingImportSummary: {
      /** @description Registered by this import */
      created: {
        leaders: number;
        departments: number;
        /** @description Department ↔ community pairings */
        pairings: number;
      };
      /** @description In the file: new, or already registered with the same details */
      total: {
        leaders: number;
        departments: number;
        /** @description Department ↔ community pairings */
        pairings: number;
      };
    };
    PasswordChangeInput: {
      currentPassword: string;
      newPassword: string;
    };
    PlannedMeeting: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      unitId: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      plannedFor: string;
      place: string;
      invitees: {
        name: string;
        email: string;
        /** @enum {string} */
        locale?: 'zh-CN' | 'en';
      }[];
      /** @enum {string} */
      status: 'planned' | 'held' | 'lapsed';
      workflowId: string;
    };
    PlannedMeetingInput: {
      /** Format: date-time */
      plannedFor: string;
      place: string;
      /** @default [] */
      invitees: {
        name: string;
        /** Format: email */
        email: string;
        /** @enum {string} */
        locale?: 'zh-CN' | 'en';
      }[];
    };
    PlannedMeetingList: {
      items: components['schemas']['PlannedMeeting'][];
    };
    PracticalThingInput: {
      /** Format: date */
      doneOn: string;
      description: string;
      /** @description 元，最多两位小数 / Yuan, at most two decimals */
      valueYuan: number;
      /** Format: uuid */
      memberId?: string;
    };
    Ready: {
      /** @constant */
      status: 'ready';
    };
    ReceiptConfirmInput: {
      /** @description The name of who confirms (the contact) */
      confirmedBy: string;
    };
    RecordedMeeting: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      unitId: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      heldOn: string;
      /** @enum {string} */
      kind: 'regular' | 'adhoc';
      /** @description The period the meeting counts for: 2026-Q4, 2026-11 or 2026 */
      periodKey: string;
      attendees: string[];
      minutes: string | null;
      plannedMeetingId: string | null;
      /** @description false: recorded, but Temporal was unreachable; the obligation re-reads the record before any notice */
      obligationNotified: boolean;
    };
    RecordedVisit: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      leaderId: string;
      /** Format: uuid */
      communityId: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      visitedOn: string;
      /** @description The period of the visit obligation it counts for: 2026-Q4 */
      periodKey: string;
      purposes: ('research_guidance' | 'joint_meeting' | 'pressed_departments' | 'coordinated_problem')[];
      notes: string | null;
      /** @description Set when counted from a community joint meeting’s attendees */
      meetingId: string | null;
      /** @description <role>:<username> */
      recordedBy: string;
      /** @description false: recorded, but Temporal was unreachable; the obligation re-reads the record before any notice */
      obligationNotified: boolean;
    };
    RegisteredServingMember: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description 所在社区 / The home community */
      community: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
      };
      employer: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
        partyOrgName: string;
      };
      /** @description 掩码手机号（末 4 位） / Masked mobile: ********1234 */
      phone: string;
      /** @description 全号：仅单个党员视图，且调用者为管理员或所在社区召集人 / Only in the single view, for an admin or the community’s convener */
      fullPhone: string | null;
      /** @description 掩码身份证号（末 4 位）；未登记为 null / Masked ID number (last 4) */
      idNumber: string | null;
      /** @description 仅单个视图，对管理员、所在社区召集人和本人 / Single view only: admin, convener, the member */
      email: string | null;
      /** @enum {string} */
      locale: 'zh-CN' | 'en';
      skills: string[];
      posts: (
        | 'policy_promotion'
        | 'neighbourhood_help'
        | 'environment_keeping'
        | 'safety_patrol'
        | 'conflict_mediation'
        | 'professional_service'
        | 'culture_sport'
      )[];
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      registeredOn: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      /** @description serving-participation:<member id> */
      participationWorkflowId: string;
      /** @description false: registered, but the participation obligation did not start now (the reconciliation starts it) */
      obligationStarted: boolean;
    };
    ResolutionInput: {
      resolution: string;
    };
    RespondedAgendaItem: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description The meeting that raised it
       */
      meetingId: string;
      /**
       * Format: uuid
       * @description The unit whose meeting raised it
       */
      unitId: string;
      unitName: string;
      title: string;
      description: string | null;
      raisedBy: string;
      category: string | null;
      /**
       * @description open → resolved (at its own level) | escalated → taken_up → answered → confirmed (closed), or disputed (back up for a new answer or further up)
       * @enum {string}
       */
      state: 'open' | 'resolved' | 'escalated' | 'taken_up' | 'answered' | 'disputed' | 'confirmed';
      /**
       * Format: uuid
       * @description The unit that must act now: the raising unit, or the upper unit while escalated
       */
      currentUnitId: string;
      /** @description How it was resolved at its own level */
      resolution: string | null;
      resolvedAt: string | null;
      closedAt: string | null;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      /** @description The upper level’s answer deadline has passed unanswered */
      overdue: boolean;
      /** @description Temporal workflow id escalation:<item id>, once escalated */
      workflowId: string | null;
      escalations: components['schemas']['EscalationHop'][];
      feedback: components['schemas']['AgendaAnswer'][];
      /** @description Absent when the request repeated a response already recorded */
      workflowNotified?: boolean;
    };
    ResponseInput: {
      /** @enum {string} */
      response: 'confirmed' | 'disputed';
      reason?: string;
      /** @default false */
      escalateFurther: boolean;
    };
    SavedCadenceRule: {
      /** @enum {string} */
      period: 'month' | 'quarter' | 'year';
      minMeetings: number;
      reminderLadder: number[];
      supervisorAfterDays: number;
      countAdhoc: boolean;
      /** @enum {string} */
      level: 'city' | 'street' | 'community' | 'compound' | 'building';
      /** @constant */
      appliesFrom: 'next period';
    };
    SavedEntriesRule: {
      /** @description Paired departments per community: at least */
      minDepartmentsPerCommunity: number;
      /** @description …and at most */
      maxDepartmentsPerCommunity: number;
      /**
       * @description Each leader visits at least minVisits times per period
       * @enum {string}
       */
      visitPeriod: 'month' | 'quarter' | 'year';
      minVisits: number;
      /** @description Working days before the period’s due date */
      visitReminderLadder: number[];
      /** @description Working days after the overdue notice at which the supervisors are told */
      visitSupervisorAfterDays: number;
      /** @description A paired department absent from this many community meetings in a row is noticed */
      absenceThreshold: number;
      /** @description Raters per community at the year-end evaluation */
      evaluationQuorum: number;
      /** @description MM-DD */
      evaluationOpensOn: string;
      /** @description MM-DD */
      evaluationClosesOn: string;
      evaluationReminderEveryDays: number;
      /**
       * @description An absence notice found on a day off: wait for the next working day’s notice hour (09:00–09:10), or go at-once
       * @enum {string}
       */
      attendanceNotices: 'wait' | 'at-once';
      /** @constant */
      appliesFrom: 'next period (visits); next check (attendance); campaigns not yet open';
    };
    SavedEscalationRule: {
      /**
       * @description The receiving (upper) level
       * @enum {string}
       */
      level: 'city' | 'street' | 'community' | 'compound' | 'building';
      /** @description Working days to put the item on a meeting */
      scheduleWithinDays: number;
      /** @description Working days to answer (from the escalation, or a dispute) */
      answerWithinDays: number;
      /** @description Working days before each deadline */
      reminderLadder: number[];
      /** @description Working days after the overdue notice at which the supervisors are told */
      supervisorAfterDays: number;
      /** @description When set: an unanswered item climbs a level this many working days after the overdue notice */
      autoEscalateAfterDays: number | null;
      /** @description Working days after an answer before the raising convener is reminded */
      confirmWithinDays: number;
      /**
       * @description An event notice (received, disputed, extended, answered) arising on a day off: wait for the next working day’s notice hour (09:00–09:10), or go at-once
       * @enum {string}
       */
      eventNotices: 'wait' | 'at-once';
      /** @constant */
      appliesFrom: 'escalations made from now on';
    };
    SavedServingRule: {
      /**
       * @description Each member takes part at least minServices times per period
       * @enum {string}
       */
      participationPeriod: 'year' | 'half';
      minServices: number;
      /** @description Working days before the period’s due date */
      participationReminderLadder: number[];
      claimConfirmWithinDays: number;
      claimCommunityAfterDays: number;
      receiptWithinDays: number;
      receiptOfficeAfterDays: number;
      receiptValidDays: number;
      /** @constant */
      appliesFrom: 'participation: next period; claims and receipts: their next step';
    };
    ServiceCard: {
      member: {
        /** Format: uuid */
        id: string;
        name: string;
        /** Format: uuid */
        communityId: string;
        communityName: string;
        employer: {
          /** Format: uuid */
          id: string;
          name: string;
          partyOrgName: string;
        };
        /** @description Masked: only the last 4 digits */
        phone: string;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        registeredOn: string;
        removed: boolean;
      };
      totals: {
        services: number;
        minutes: number;
        /** @description Hours with one decimal, e.g. "2.5" */
        hours: string;
      };
      year: {
        year: number;
        services: number;
        minutes: number;
        /** @description Hours with one decimal, e.g. "2.5" */
        hours: string;
      };
      services: {
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        memberId: string;
        /** Format: uuid */
        communityId: string;
        claimId: string | null;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        servedOn: string;
        minutes: number;
        /** @description Hours with one decimal, e.g. "2.5" */
        hours: string;
        what: string;
        confirmedBy: string;
        /** @description <role>:<username> */
        recordedBy: string;
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        createdAt: string;
        need: {
          /** Format: uuid */
          id: string;
          title: string;
        } | null;
      }[];
      openClaims: {
        /** Format: uuid */
        claimId: string;
        /** Format: uuid */
        needId: string;
        title: string;
        /**
         * @description elderly_care 关爱老人, children_youth 关爱青少年, environment 环境整治, civility 文明实践, safety 平安巡逻, legal_aid 法律服务, health 健康服务, culture 文体活动, wish 微心愿, other 其他
         * @enum {string}
         */
        category:
          | 'elderly_care'
          | 'children_youth'
          | 'environment'
          | 'civility'
          | 'safety'
          | 'legal_aid'
          | 'health'
          | 'culture'
          | 'wish'
          | 'other';
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        neededOn: string;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        claimBy: string;
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        claimedAt: string;
      }[];
    };
    ServiceDoneInput: {
      /** Format: date */
      servedOn: string;
      /** @description Service time in minutes */
      minutes: number;
      /** @description What was done */
      what: string;
      /** @description Who at the community confirmed the service */
      confirmedBy: string;
    };
    ServiceNeed: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      communityId: string;
      title: string;
      /**
       * @description elderly_care 关爱老人, children_youth 关爱青少年, environment 环境整治, civility 文明实践, safety 平安巡逻, legal_aid 法律服务, health 健康服务, culture 文体活动, wish 微心愿, other 其他
       * @enum {string}
       */
      category:
        | 'elderly_care'
        | 'children_youth'
        | 'environment'
        | 'civility'
        | 'safety'
        | 'legal_aid'
        | 'health'
        | 'culture'
        | 'wish'
        | 'other';
      description: string | null;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      neededOn: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      claimBy: string;
      slots: number;
      /** @description Places taken: claims claimed or done */
      claimed: number;
      done: number;
      /**
       * @description past: the claim day is over
       * @enum {string}
       */
      state: 'open' | 'full' | 'past' | 'cancelled';
      cancelReason: string | null;
      cancelledAt: string | null;
      publishedBy: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      claims: components['schemas']['NeedClaimOnNeed'][];
    };
    ServiceNeedCancelInput: {
      reason?: string;
    };
    ServiceNeedInput: {
      /** @description The community (id or code) */
      communityId: string;
      title: string;
      /**
       * @description elderly_care 关爱老人, children_youth 关爱青少年, environment 环境整治, civility 文明实践, safety 平安巡逻, legal_aid 法律服务, health 健康服务, culture 文体活动, wish 微心愿, other 其他
       * @enum {string}
       */
      category:
        | 'elderly_care'
        | 'children_youth'
        | 'environment'
        | 'civility'
        | 'safety'
        | 'legal_aid'
        | 'health'
        | 'culture'
        | 'wish'
        | 'other';
      description?: string;
      /** Format: date */
      neededOn: string;
      /** @description How many members it takes */
      slots: number;
      /**
       * Format: date
       * @description Claims close at the end of this day; default: the day before neededOn
       */
      claimBy?: string;
    };
    ServiceNeedPage: {
      items: components['schemas']['ServiceNeed'][];
      total: number;
      limit: number;
      offset: number;
    };
    ServiceRecord: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      memberId: string;
      /** Format: uuid */
      communityId: string;
      claimId: string | null;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      servedOn: string;
      minutes: number;
      /** @description Hours with one decimal, e.g. "2.5" */
      hours: string;
      what: string;
      confirmedBy: string;
      /** @description <role>:<username> */
      recordedBy: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      /** @description false: recorded, but Temporal was unreachable; the workflows re-read the record before any notice */
      obligationNotified: boolean;
    };
    ServiceRecordInput: {
      /** Format: uuid */
      memberId: string;
      /**
       * Format: uuid
       * @description The member’s claim this service fulfils (the member must have claimed it)
       */
      claimId?: string;
      /** Format: date */
      servedOn: string;
      /** @description Service time in minutes */
      minutes: number;
      /** @description What was done */
      what: string;
      /** @description Who at the community confirmed the service */
      confirmedBy: string;
    };
    ServingBelowMinimum: {
      periodKey: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      firstDay: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      lastDay: string;
      /** @description The minimum of this period (a year under a half-year rule: twice the rule’s) */
      minServices: number;
      /** @description The community asked for; null: every community the caller may read */
      communityId: string | null;
      items: {
        /** Format: uuid */
        memberId: string;
        name: string;
        /** @description Masked: only the last 4 digits show */
        phone: string;
        /** Format: uuid */
        communityId: string;
        /** Format: uuid */
        employerId: string;
        employerName: string;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        registeredOn: string;
        /** @description Services dated within the period */
        services: number;
        /** @description How many short of the minimum */
        missing: number;
      }[];
    };
    ServingEmployer: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      partyOrgName: string;
      contactName: string;
      contactEmail: string;
      /** @description 末 4 位可见；单个单位视图对管理员和所在社区召集人显示全号 / Masked (last 4) but in the single view for an admin or the community’s convener */
      contactPhone: string | null;
      /** @enum {string} */
      locale: 'zh-CN' | 'en';
      /** @description 所在社区 / The community where it sits, if any */
      community: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
      } | null;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      registeredOn: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      /** @description Active members registered */
      memberCount: number;
    };
    ServingEmployerInput: {
      code: string;
      name: string;
      /** @description 单位党组织名称 / The employer’s Party organisation */
      partyOrgName: string;
      /** @description 反馈联系人 / The contact who receives the quarterly feedback */
      contactName: string;
      /** Format: email */
      contactEmail: string;
      contactPhone?: string;
      /** @enum {string} */
      locale?: 'zh-CN' | 'en';
      /** @description 所在社区（可不填）：id 或编码 / The community where it sits (optional) */
      communityId?: string;
      /**
       * Format: date
       * @description 报到日期，默认今天 / Default: today
       */
      registeredOn?: string;
    };
    ServingEmployerPage: {
      items: components['schemas']['ServingEmployer'][];
      total: number;
      limit: number;
      offset: number;
    };
    ServingEmployerUpdate: {
      name?: string;
      partyOrgName?: string;
      contactName?: string;
      /** Format: email */
      contactEmail?: string;
      contactPhone?: string | null;
      /** @enum {string} */
      locale?: 'zh-CN' | 'en';
      communityId?: string | null;
      /** Format: date */
      registeredOn?: string;
    };
    ServingEvaluation: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      communityId: string;
      year: number;
      /** @enum {string} */
      subjectKind: 'member' | 'employer';
      /** Format: uuid */
      subjectId: string;
      /**
       * @description excellent（优秀）, competent（合格）, basically_competent（基本合格）, incompetent（不合格）
       * @enum {string}
       */
      grade: 'excellent' | 'competent' | 'basically_competent' | 'incompetent';
      comment: string | null;
      evaluatedBy: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      evaluatedAt: string;
    };
    ServingEvaluationGrid: {
      /** Format: uuid */
      communityId: string;
      year: number;
      items: {
        /** @enum {string} */
        subjectKind: 'member' | 'employer';
        /** Format: uuid */
        subjectId: string;
        name: string;
        /** @description member: its employer */
        employerId: string | null;
        /** @description member: masked, last 4 */
        phone: string | null;
        /** @description Services in the year (employer: of its members) */
        services: number;
        members: number | null;
        membersMeetingMinimum: number | null;
        /**
         * @description The grade the rule proposes
         * @enum {string}
         */
        proposed: 'excellent' | 'competent' | 'basically_competent' | 'incompetent';
        /** @description The grade the convener entered */
        entered: ('excellent' | 'competent' | 'basically_competent' | 'incompetent') | null;
        /**
         * @description entered, else proposed
         * @enum {string}
         */
        grade: 'excellent' | 'competent' | 'basically_competent' | 'incompetent';
        comment: string | null;
        evaluatedBy: string | null;
      }[];
    };
    ServingEvaluationInput: {
      /** Format: uuid */
      communityId: string;
      year: number;
      /** @enum {string} */
      subjectKind: 'member' | 'employer';
      /** Format: uuid */
      subjectId: string;
      /**
       * @description excellent（优秀）, competent（合格）, basically_competent（基本合格）, incompetent（不合格）
       * @enum {string}
       */
      grade: 'excellent' | 'competent' | 'basically_competent' | 'incompetent';
      comment?: string | null;
    };
    ServingFeedbackStatus: {
      /** Format: uuid */
      communityId: string;
      periodKey: string;
      /** @description serving-feedback:<community id> */
      workflowId: string;
      items: {
        /** Format: uuid */
        employerId: string;
        code: string;
        name: string;
        partyOrgName: string;
        contactName: string;
        members: number;
        services: number;
        /** @description Hours with one decimal, e.g. "2.5" */
        hours: string;
        sentAt: string | null;
        expiresAt: string | null;
        confirmedAt: string | null;
        confirmedBy: string | null;
        /** @description When the reminder to confirm went */
        remindedAt: string | null;
        /** @description When the liaison office was told */
        officeToldAt: string | null;
      }[];
    };
    ServingFigureCounts: {
      /** @description Employers registered with the community (单位报到) as of `asOf` */
      employers: number;
      /** @description Members registered with the community (个人报到) as of `asOf` */
      members: number;
      /** @description Needs of the year (by the day needed), not cancelled */
      needsPublished: number;
      /** @description Of those, needs with at least one claim not cancelled */
      needsClaimed: number;
      /** @description Of those, needs with at least one claim confirmed done */
      needsDone: number;
      /** @description Services recorded in the community, served in the year */
      services: number;
      /** @description Their minutes */
      minutes: number;
      /** @description Their hours, one decimal */
      hours: number;
      /** @description Members registered as of `asOf` whose services in the participation period are fewer than the minimum so far */
      membersBelowMinimum: number;
    };
    ServingFigureRow: {
      /**
       * Format: uuid
       * @description The community (or street) id
       */
      unitId: string;
      code: string;
      name: string;
      streetId: string | null;
      streetName: string | null;
      /** @description Employers registered with the community (单位报到) as of `asOf` */
      employers: number;
      /** @description Members registered with the community (个人报到) as of `asOf` */
      members: number;
      /** @description Needs of the year (by the day needed), not cancelled */
      needsPublished: number;
      /** @description Of those, needs with at least one claim not cancelled */
      needsClaimed: number;
      /** @description Of those, needs with at least one claim confirmed done */
      needsDone: number;
      /** @description Services recorded in the community, served in the year */
      services: number;
      /** @description Their minutes */
      minutes: number;
      /** @description Their hours, one decimal */
      hours: number;
      /** @description Members registered as of `asOf` whose services in the participation period are fewer than the minimum so far */
      membersBelowMinimum: number;
    };
    ServingFigures: {
      year: number;
      /**
       * Format: date
       * @description Registrations counted as of this day: today, or the last day of a past year
       */
      asOf: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      from: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      to: string;
      participation: {
        /** @description The participation period of `asOf` by the rule: "2026" or "2026-H2" */
        period: string;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        from: string;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        to: string;
        minServices: number;
      };
      /** @description Every community the caller may read (zeros included), by code */
      communities: components['schemas']['ServingFigureRow'][];
      /** @description The sums of those communities per street, by code */
      streets: components['schemas']['ServingFigureRow'][];
      total: components['schemas']['ServingFigureCounts'];
      /** @description Employers registered without a community (counted only for the whole city, else 0) */
      employersWithoutCommunity: number;
    };
    ServingImportRejection: components['schemas']['ImportRejection'] | components['schemas']['Error400'];
    ServingImportSummary: {
      /** @description true: checked only, nothing written */
      dryRun: boolean;
      /** @description Registered by this import (or, on a dry run, that would be) */
      created: number;
      /** @description Already registered with the same details */
      unchanged: number;
      /** @description Rows in the file */
      total: number;
    };
    ServingMember: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description 所在社区 / The home community */
      community: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
      };
      employer: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
        partyOrgName: string;
      };
      /** @description 掩码手机号（末 4 位） / Masked mobile: ********1234 */
      phone: string;
      /** @description 全号：仅单个党员视图，且调用者为管理员或所在社区召集人 / Only in the single view, for an admin or the community’s convener */
      fullPhone: string | null;
      /** @description 掩码身份证号（末 4 位）；未登记为 null / Masked ID number (last 4) */
      idNumber: string | null;
      /** @description 仅单个视图，对管理员、所在社区召集人和本人 / Single view only: admin, convener, the member */
      email: string | null;
      /** @enum {string} */
      locale: 'zh-CN' | 'en';
      skills: string[];
      posts: (
        | 'policy_promotion'
        | 'neighbourhood_help'
        | 'environment_keeping'
        | 'safety_patrol'
        | 'conflict_mediation'
        | 'professional_service'
        | 'culture_sport'
      )[];
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      registeredOn: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      /** @description serving-participation:<member id> */
      participationWorkflowId: string;
    };
    ServingMemberInput: {
      name: string;
      phone: string;
      idNumber?: string;
      /** Format: email */
      email?: string;
      /** @enum {string} */
      locale?: 'zh-CN' | 'en';
      /** @description 所在社区：id（UUID）或编码 / The home community: id or code */
      communityId: string;
      /** @description 工作单位：id（UUID）或单位编码 / The employer: id or code */
      employerId: string;
      /** @description 特长 / Skills, free words */
      skills?: string[];
      /** @description 服务岗位 / Service posts: policy_promotion, neighbourhood_help, environment_keeping, safety_patrol, conflict_mediation, professional_service, culture_sport */
      posts?: (
        | 'policy_promotion'
        | 'neighbourhood_help'
        | 'environment_keeping'
        | 'safety_patrol'
        | 'conflict_mediation'
        | 'professional_service'
        | 'culture_sport'
      )[];
      /**
       * Format: date
       * @description 报到日期，默认今天 / Default: today
       */
      registeredOn?: string;
    };
    ServingMemberPage: {
      items: components['schemas']['ServingMember'][];
      total: number;
      limit: number;
      offset: number;
    };
    ServingMemberUpdate: {
      name?: string;
      phone?: string;
      idNumber?: string | null;
      email?: string | null;
      /** @enum {string} */
      locale?: 'zh-CN' | 'en';
      /** @description 所在社区：id（UUID）或编码 / id (UUID) or code */
      communityId?: string;
      /** @description 工作单位：id（UUID）或编码 / id (UUID) or code */
      employerId?: string;
      /** @description 特长 / Skills, free words */
      skills?: string[];
      /** @description 服务岗位 / Service posts: policy_promotion, neighbourhood_help, environment_keeping, safety_patrol, conflict_mediation, professional_service, culture_sport */
      posts?: (
        | 'policy_promotion'
        | 'neighbourhood_help'
        | 'environment_keeping'
        | 'safety_patrol'
        | 'conflict_mediation'
        | 'professional_service'
        | 'culture_sport'
      )[];
      /** Format: date */
      registeredOn?: string;
    };
    ServingReceipt: {
      community: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      employer: {
        code: string;
        name: string;
        partyOrgName: string;
      };
      /** @description The quarter: 2026-Q3 */
      periodKey: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      expiresAt: string;
      members: {
        name: string;
        /** @description Masked: last 4 */
        phone: string | null;
        services: number;
        /** @description Hours with one decimal, e.g. "2.5" */
        hours: string;
      }[];
      /** @description After Q4: the year-end evaluation of the employer (first) and its members in the community */
      evaluation: {
        year: number;
        items: {
          /** @enum {string} */
          subjectKind: 'member' | 'employer';
          /** Format: uuid */
          subjectId: string;
          name: string;
          /** @description member: its employer */
          employerId: string | null;
          /** @description member: masked, last 4 */
          phone: string | null;
          /** @description Services in the year (employer: of its members) */
          services: number;
          members: number | null;
          membersMeetingMinimum: number | null;
          /**
           * @description The grade the rule proposes
           * @enum {string}
           */
          proposed: 'excellent' | 'competent' | 'basically_competent' | 'incompetent';
          /** @description The grade the convener entered */
          entered: ('excellent' | 'competent' | 'basically_competent' | 'incompetent') | null;
          /**
           * @description entered, else proposed
           * @enum {string}
           */
          grade: 'excellent' | 'competent' | 'basically_competent' | 'incompetent';
          comment: string | null;
          evaluatedBy: string | null;
        }[];
      } | null;
      records: {
        memberName: string;
        /** @description Masked: last 4 */
        phone: string | null;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        servedOn: string;
        /** @description Hours with one decimal, e.g. "2.5" */
        hours: string;
        what: string;
        confirmedBy: string;
      }[];
    };
    ServingReceiptConfirmed: {
      community: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      employer: {
        code: string;
        name: string;
        partyOrgName: string;
      };
      /** @description The quarter: 2026-Q3 */
      periodKey: string;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      confirmedAt: string;
      confirmedBy: string;
      /** @description false: recorded, but Temporal was unreachable; the workflow re-reads the record */
      workflowNotified: boolean;
    };
    ServingRule: {
      /**
       * @description Each member takes part at least minServices times per period
       * @enum {string}
       */
      participationPeriod: 'year' | 'half';
      minServices: number;
      /** @description Working days before the period’s due date */
      participationReminderLadder: number[];
      claimConfirmWithinDays: number;
      claimCommunityAfterDays: number;
      receiptWithinDays: number;
      receiptOfficeAfterDays: number;
      receiptValidDays: number;
    };
    ServingRuleInput: {
      /** @enum {string} */
      participationPeriod: 'year' | 'half';
      minServices: number;
      participationReminderLadder: number[];
      claimConfirmWithinDays: number;
      claimCommunityAfterDays: number;
      receiptWithinDays: number;
      receiptOfficeAfterDays: number;
      receiptValidDays: number;
    };
    Supervisor: {
      /** Format: uuid */
      id: string;
      name: string;
      email: string;
      /** @enum {string} */
      locale: 'zh-CN' | 'en';
      webhookUrl: string | null;
      active: boolean;
      /** @description No weekly digest mail for this member */
      digestOptOut: boolean;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
    };
    SupervisorInput: {
      name: string;
      /** Format: email */
      email: string;
      /**
       * @default zh-CN
       * @enum {string}
       */
      locale: 'zh-CN' | 'en';
      /** Format: uri */
      webhookUrl?: string;
      /** @description true: no weekly digest mail for this member */
      digestOptOut?: boolean;
    };
    SupervisorList: {
      items: components['schemas']['Supervisor'][];
    };
    TakeUpInput: {
      /** Format: uuid */
      meetingId: string;
    };
    TemporaryPasswordInput: {
      temporaryPassword: string;
    };
    UiConfig: {
      /** @description The Temporal Web UI; a workflow is at <temporalUiUrl>/namespaces/<namespace>/workflows/<workflowId>. null: not known (no link) */
      temporalUiUrl: string | null;
      /** @description The Temporal namespace of the workflows */
      namespace: string;
      /** @description The workflows carry the custom search attributes (UnitCode, UnitLevel, StreetCode, Obligation, PeriodKey): a unit's workflows are listed at <temporalUiUrl>/namespaces/<namespace>/workflows?query=UnitCode%3D%22<code>%22 */
      searchAttributes: boolean;
    };
    Unit: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      /** @enum {string} */
      level: 'city' | 'street' | 'community' | 'compound' | 'building';
      parentId: string | null;
      /** @description The street the unit lies in (itself for a street) */
      streetId: string | null;
      convenerName: string;
      convenerEmail: string;
      convenerPhone: string | null;
      /** @enum {string} */
      locale: 'zh-CN' | 'en';
      webhookUrl: string | null;
      /**
       * Format: date-time
       * @description ISO 8601 instant (UTC)
       */
      createdAt: string;
      /** @description Temporal workflow id: meeting-cadence:<unit id> */
      obligationWorkflowId: string;
    };
    UnitDue: {
      unit: {
        id: string;
        code: string;
        name: string;
        /** @enum {string} */
        level: 'city' | 'street' | 'community' | 'compound' | 'building';
        streetId: string | null;
        parentId: string | null;
      };
      streetName: string | null;
      convenerName: string;
      convenerEmail: string;
      /** @description e.g. 2026-Q4 or 2026-12 */
      periodKey: string;
      /**
       * Format: date
       * @description The period’s last working day
       */
      dueOn: string;
      minMeetings: number;
      meetingsHeld: number;
      met: boolean;
      /** @description Working days from today to the due date (0 on it) */
      workingDaysLeft: number;
      /** @description Calendar days from today to the due date */
      daysLeft: number;
      /** @description The last notice of this period sent to the convener (the ledger) */
      lastReminder: {
        step: string;
        /** Format: date-time */
        sentAt: string;
        recipient: string;
      } | null;
    };
    UnitHistory: {
      unit: components['schemas']['Unit'];
      periods: {
        /** @enum {string} */
        obligation: 'meeting' | 'leader-visit';
        leader: {
          id: string;
          name: string;
        } | null;
        periodKey: string;
        /**
         * Format: date
         * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
         */
        dueDate: string;
        /** @enum {string} */
        status: 'met' | 'overdue';
        meetingsHeld: number;
        /**
         * Format: date-time
         * @description ISO 8601 instant (UTC)
         */
        closedAt: string;
        correctedAt: string | null;
        notices: {
          step: string;
          recipient: string;
          channel: string;
          status: string;
          sentAt: string | null;
        }[];
      }[];
      total: number;
      limit: number;
      offset: number;
    };
    UnitInput: {
      code: string;
      name: string;
      /** @enum {string} */
      level: 'city' | 'street' | 'community' | 'compound' | 'building';
      convenerName: string;
      /** Format: email */
      convenerEmail: string;
      convenerPhone?: string;
      /**
       * @default zh-CN
       * @enum {string}
       */
      locale: 'zh-CN' | 'en';
      /** Format: uri */
      webhookUrl?: string;
      parentId?: string;
      parentCode?: string;
    };
    UnitPage: {
      items: components['schemas']['Unit'][];
      total: number;
      limit: number;
      offset: number;
    };
    UnitUpdate: {
      name?: string;
      convenerName?: string;
      /** Format: email */
      convenerEmail?: string;
      convenerPhone?: string | null;
      /** @enum {string} */
      locale?: 'zh-CN' | 'en';
      webhookUrl?: string | null;
    };
    User: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'convener' | 'leader' | 'department' | 'rater' | 'member';
      /** @description convener: their unit; leader: their paired community */
      unitId: string | null;
      /** @description leader: the leader this user is */
      leaderId: string | null;
      /** @description department: the department this user acts for */
      departmentId: string | null;
      /** @description member: the in-service Party member this user is */
      servingMemberId: string | null;
      disabled: boolean;
      /** @description A temporary password set by an admin: POST /api/me/password before anything else */
      mustChangePassword: boolean;
    };
    UserInput: {
      username: string;
      displayName: string;
      password?: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'convener' | 'leader' | 'department' | 'rater' | 'member';
      /** Format: uuid */
      unitId?: string;
      /** Format: uuid */
      leaderId?: string;
      /** Format: uuid */
      departmentId?: string;
      /** Format: uuid */
      servingMemberId?: string;
    };
    UserList: {
      items: components['schemas']['User'][];
    };
    Visit: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      leaderId: string;
      /** Format: uuid */
      communityId: string;
      /**
       * Format: date
       * @description Calendar date YYYY-MM-DD (Asia/Shanghai)
       */
      visitedOn: string;
      /** @description The period of the visit obligation it counts for: 2026-Q4 */
      periodKey: string;
      purposes: ('research_guidance' | 'joint_meeting' | 'pressed_departments' | 'coordinated_problem')[];
      notes: string | null;
      /** @description Set when counted from a community joint meeting’s attendees */
      meetingId: string | null;
      /** @description <role>:<username> */
      recordedBy: string;
    };
    VisitInput: {
      /** Format: date */
      visitedOn: string;
      purposes: ('research_guidance' | 'joint_meeting' | 'pressed_departments' | 'coordinated_problem')[];
      notes?: string;
    };
    VisitList: {
      items: components['schemas']['Visit'][];
    };
    VisitsByLeader: {
      year: number;
      items: {
        /** Format: uuid */
        leaderId: string;
        code: string;
        name: string;
        community: {
          /** Format: uuid */
          id: string;
          name: string;
        };
        /** @description Visits in the year */
        total: number;
        /** @description Visits per period key (periods without a visit are absent) */
        byPeriod: {
          [key: string]: number;
        };
      }[];
    };
    VisitsPage: {
      /** @description The visit period: 2026-Q4 */
      period: string;
      /**
       * Format: date
       * @description Its last working day
       */
      dueDate: string;
      items: {
        /** Format: uuid */
        leaderId: string;
        code: string;
        name: string;
        title: string | null;
        community: {
          /** Format: uuid */
          id: string;
          name: string;
        };
        visits: number;
        minVisits: number;
        lastVisitOn: string | null;
        /**
         * @description visited: at least minVisits; overdue: fewer, and the due date has passed; pending: fewer, not yet due
         * @enum {string}
         */
        status: 'visited' | 'pending' | 'overdue';
      }[];
      total: number;
      limit: number;
      offset: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  getReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Ready'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OpenAPI 3.1 document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
    };
  };
  getDocs: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description HTML page (Swagger UI) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "username": "admin",
         *       "password": "correct horse battery staple"
         *     }
         */
        'application/json': components['schemas']['LoginInput'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResult'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 请求过多，请按 Retry-After 稍后再试 / Too many requests: retry after Retry-After seconds (code: rate_limited) */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error429'];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserList'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  createUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "username": "li.shuji",
         *       "displayName": "李书记",
         *       "password": "a long passphrase",
         *       "role": "convener",
         *       "unitId": "0b6f8f3e-0b1a-4c55-9d2e-7d7c2f0c9a11"
         *     }
         */
        'application/json': components['schemas']['UserInput'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  createApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 用户 id / The user’s id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyCreated'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  revokeApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 用户 id / The user’s id */
        id: string;
        /** @description 密钥 id / The key’s id */
        keyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listAuditEvents: {
    parameters: {
      query?: {
        entity?: string;
        entityId?: string;
        actor?: string;
        action?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listUnits: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        level?: 'city' | 'street' | 'community' | 'compound' | 'building';
        streetId?: string;
        parentId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  createUnit: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "code": "bihai",
         *       "name": "碧海社区",
         *       "level": "community",
         *       "parentCode": "gangbei",
         *       "convenerName": "李书记",
         *       "convenerEmail": "li@example.org"
         *     }
         */
        'application/json': components['schemas']['UnitInput'];
      };
    };
    responses: {
      /** @description Already registered with the same content */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Unit'];
        };
      };
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Unit'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  importUnits: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The file itself as the body */
    requestBody: {
      content: {
        'text/csv': string;
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
      };
    };
    responses: {
      /** @description Imported */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportSummary'];
          'application/x-ndjson': string;
        };
      };
      /** @description 导入被拒绝，未写入任何数据 / Rejected: nothing written */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportRejection'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getUnit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 单位 id（UUID）或编码 / The unit’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Unit'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  removeUnit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 单位 id（UUID）或编码 / The unit’s id (UUID) or code */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  updateUnit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 单位 id（UUID）或编码 / The unit’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "convenerName": "王书记",
         *       "convenerEmail": "wang@example.org"
         *     }
         */
        'application/json': components['schemas']['UnitUpdate'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Unit'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getObligation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 单位 id（UUID）或编码 / The unit’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObligationStatus'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getUnitHistory: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path: {
        /**
         * @description 单位 id（UUID）或编码 / The unit’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitHistory'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listMeetings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 单位 id（UUID）或编码 / The unit’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingList'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  recordMeeting: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /**
         * @description 单位 id（UUID）或编码 / The unit’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "heldOn": "2026-11-02",
         *       "kind": "regular",
         *       "attendees": [
         *         "李书记",
         *         "张委员"
         *       ],
         *       "minutes": "研究停车治理与加装电梯两项议题",
         *       "agendaItems": [
         *         {
         *           "title": "小区停车位不足",
         *           "raisedBy": "张委员",
         *           "category": "停车治理",
         *           "resolution": "协调物业夜间开放地面车位"
         *         },
         *         {
         *           "title": "老旧楼加装电梯资金缺口",
         *           "raisedBy": "王居民",
         *           "category": "老旧小区改造"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['MeetingInput'];
      };
    };
    responses: {
      /** @description Recorded */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordedMeeting'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listPlannedMeetings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 单位 id（UUID）或编码 / The unit’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlannedMeetingList'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  planMeeting: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /**
         * @description 单位 id（UUID）或编码 / The unit’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "plannedFor": "2027-03-10T09:30:00+08:00",
         *       "place": "碧海社区党群服务中心",
         *       "invitees": [
         *         {
         *           "name": "张委员",
         *           "email": "zhang@example.org"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['PlannedMeetingInput'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlannedMeeting'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listAgendaItems: {
    parameters: {
      query?: {
        unitId?: string;
        currentUnitId?: string;
        state?: 'open' | 'resolved' | 'escalated' | 'taken_up' | 'answered' | 'disputed' | 'confirmed';
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgendaItemPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  createAgendaItem: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 会议 id（UUID） / The meeting’s id (UUID) */
        meetingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "title": "老旧楼加装电梯资金缺口",
         *       "description": "3号楼居民同意加装电梯，但自筹资金不足，需申请专项补贴",
         *       "raisedBy": "王居民",
         *       "category": "老旧小区改造"
         *     }
         */
        'application/json': components['schemas']['AgendaItemInput'];
      };
    };
    responses: {
      /** @description Raised */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgendaItem'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getAgendaItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 议题 id（UUID） / The agenda item’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The item */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgendaItem'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getEscalationStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 议题 id（UUID） / The agenda item’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Where the item’s escalation workflow stands: the deadlines in force and the next notice */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EscalationStatus'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  resolveAgendaItem: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 议题 id（UUID） / The agenda item’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "resolution": "经协调，物业同意夜间开放地面车位 40 个"
         *     }
         */
        'application/json': components['schemas']['ResolutionInput'];
      };
    };
    responses: {
      /** @description Resolved */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgendaItem'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  escalateAgendaItem: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 议题 id（UUID） / The agenda item’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "what": "3号楼加装电梯自筹资金缺口约 20 万元",
         *       "whyNotSolvable": "社区无专项资金，补贴政策由街道统筹",
         *       "ask": "请街道协调老旧小区改造专项补贴"
         *     }
         */
        'application/json': components['schemas']['EscalationInput'];
      };
    };
    responses: {
      /** @description Already escalated with the same entry */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgendaItem'];
        };
      };
      /** @description Escalated */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChangedAgendaItem'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  takeUpAgendaItem: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 议题 id（UUID） / The agenda item’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "meetingId": "5c0e6d1a-3f2b-4e8a-9c47-2b1d8e6f4a90"
         *     }
         */
        'application/json': components['schemas']['TakeUpInput'];
      };
    };
    responses: {
      /** @description Taken up */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChangedAgendaItem'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  answerAgendaItem: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 议题 id（UUID） / The agenda item’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "outcome": "scheduled",
         *       "text": "已纳入街道老旧小区改造补贴计划",
         *       "handleBy": "2027-06-30"
         *     }
         */
        'application/json': components['schemas']['FeedbackInput'];
      };
    };
    responses: {
      /** @description Already answered the same in this round */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgendaItem'];
        };
      };
      /** @description Answered */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChangedAgendaItem'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  respondToAgendaItem: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 议题 id（UUID） / The agenda item’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "response": "disputed",
         *       "reason": "补贴到位时间过晚，居民无法接受",
         *       "escalateFurther": true
         *     }
         */
        'application/json': components['schemas']['ResponseInput'];
      };
    };
    responses: {
      /** @description Recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RespondedAgendaItem'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  extendAnswerDeadline: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 议题 id（UUID） / The agenda item’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "answerBy": "2027-03-31",
         *       "reason": "需待区财政专项资金批复"
         *     }
         */
        'application/json': components['schemas']['ExtensionInput'];
      };
    };
    responses: {
      /** @description Already extended to that date */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtendedAgendaItem'];
        };
      };
      /** @description Extended */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtendedAgendaItem'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listCadenceRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CadenceRuleList'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setCadenceRule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 层级 / The level
         * @example community
         */
        level: 'city' | 'street' | 'community' | 'compound' | 'building';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "period": "quarter",
         *       "minMeetings": 1,
         *       "reminderLadder": [
         *         10,
         *         3,
         *         1
         *       ],
         *       "supervisorAfterDays": 3,
         *       "countAdhoc": true
         *     }
         */
        'application/json': components['schemas']['CadenceRuleInput'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedCadenceRule'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listEscalationRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EscalationRuleList'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setEscalationRule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 接收层级 / The receiving level
         * @example street
         */
        level: 'city' | 'street' | 'community' | 'compound' | 'building';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "scheduleWithinDays": 15,
         *       "answerWithinDays": 20,
         *       "reminderLadder": [
         *         3,
         *         1
         *       ],
         *       "supervisorAfterDays": 2,
         *       "autoEscalateAfterDays": 5,
         *       "confirmWithinDays": 5
         *     }
         */
        'application/json': components['schemas']['EscalationRuleInput'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedEscalationRule'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listSupervisors: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SupervisorList'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  addSupervisor: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "刘主任",
         *       "email": "liu@example.org"
         *     }
         */
        'application/json': components['schemas']['SupervisorInput'];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Supervisor'];
        };
      };
      /** @description Added */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Supervisor'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  removeSupervisor: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 成员 id / The member’s id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listOverdueUnits: {
    parameters: {
      query?: {
        level?: 'city' | 'street' | 'community' | 'compound' | 'building';
        streetId?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OverduePage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getCompliance: {
    parameters: {
      query?: {
        period?: string;
        year?: number;
        level?: 'city' | 'street' | 'community' | 'compound' | 'building';
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompliancePage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listEscalations: {
    parameters: {
      query?: {
        overdue?: 'true' | 'false';
        level?: 'city' | 'street' | 'community' | 'compound' | 'building';
        streetId?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Escalated items awaiting an answer from the level above, earliest answer deadline first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EscalationPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getFigures: {
    parameters: {
      query?: {
        period?: string;
        level?: 'city' | 'street' | 'community' | 'compound' | 'building';
        streetId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The mechanism’s figures per level for a period */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Figures'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  exportFigures: {
    parameters: {
      query?: {
        period?: string;
        level?: 'city' | 'street' | 'community' | 'compound' | 'building';
        streetId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description XLSX workbook */
      200: {
        headers: {
          /** @description attachment; filename="agenda-ledger-<period>.xlsx" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listNotifications: {
    parameters: {
      query?: {
        unitId?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listCapturedMail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MailMessageList'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getCoBuilding: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 社区 id（UUID）或编码 / The community’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A community’s co-building body (社区联建治理服务共同体): members, commitments, things done and totals */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoBuildingBody'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  saveCoBuilding: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 社区 id（UUID）或编码 / The community’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "碧海社区联建治理服务共同体",
         *       "functions": [
         *         "party_resources",
         *         "security_governance",
         *         "facilities_welfare",
         *         "culture_customs"
         *       ]
         *     }
         */
        'application/json': components['schemas']['CoBuildingBodyInput'];
      };
    };
    responses: {
      /** @description Changed, or already so */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoBuildingBody'];
        };
      };
      /** @description Formed */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoBuildingBody'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  addCoBuildingMember: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /**
         * @description 社区 id（UUID）或编码 / The community’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "东港市供电公司",
         *       "kind": "enterprise",
         *       "contactName": "王经理",
         *       "contactPhone": "0415-7100000",
         *       "joinedOn": "2026-03-01"
         *     }
         */
        'application/json': components['schemas']['CoBuildingMemberInput'];
      };
    };
    responses: {
      /** @description Already a member with the same details */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoBuildingMember'];
        };
      };
      /** @description Joined */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoBuildingMember'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  addCommitment: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 成员单位 id（UUID） / The member unit’s id (UUID) */
        memberId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "pledge": "每季度组织职工志愿者开展义务检修，全年捐助社区困难家庭 2 万元",
         *       "kinds": [
         *         "people",
         *         "money"
         *       ],
         *       "valueYuan": 20000,
         *       "signedOn": "2026-03-01"
         *     }
         */
        'application/json': components['schemas']['CommitmentInput'];
      };
    };
    responses: {
      /** @description A commitment letter (驻社区单位承诺书) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoBuildingCommitment'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  recordPracticalThing: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /**
         * @description 社区 id（UUID）或编码 / The community’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "doneOn": "2026-05-20",
         *       "description": "为 3 号楼更换老化电线",
         *       "valueYuan": 12500.5
         *     }
         */
        'application/json': components['schemas']['PracticalThingInput'];
      };
    };
    responses: {
      /** @description A practical thing done (办实事) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoBuildingThing'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getCoBuildingSummary: {
    parameters: {
      query?: {
        /** @description 只统计该年的承诺书与实事 / Only commitments signed and things done in this year */
        year?: number;
        /** @description 只统计该街道的社区 / Only communities of this street */
        streetId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Co-building totals over the communities the caller may see ("18 bodies, 109 member units, 450+ things done, 700k+ yuan"), and per community */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoBuildingSummary'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  exportCoBuildingSummary: {
    parameters: {
      query?: {
        /** @description 只统计该年的承诺书与实事 / Only commitments signed and things done in this year */
        year?: number;
        /** @description 只统计该街道的社区 / Only communities of this street */
        streetId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description XLSX workbook */
      200: {
        headers: {
          /** @description attachment; filename="co-building-<year|all>.xlsx" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  startEvaluationCampaigns: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "year": 2026
         *     }
         */
        'application/json': components['schemas']['EvaluationCampaignsInput'];
      };
    };
    responses: {
      /** @description Every campaign existed already */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationCampaignsStarted'];
        };
      };
      /** @description Campaigns created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationCampaignsStarted'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listEvaluationCampaigns: {
    parameters: {
      query?: {
        year?: number;
        communityId?: string;
        streetId?: string;
        status?: 'scheduled' | 'open' | 'closed' | 'cancelled';
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationCampaignPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getEvaluationResults: {
    parameters: {
      query?: {
        /** @description 缺省为本年 / Defaults to the current year */
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationResults'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  exportEvaluationResults: {
    parameters: {
      query?: {
        /** @description 缺省为本年 / Defaults to the current year */
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description XLSX workbook */
      200: {
        headers: {
          /** @description attachment; filename="evaluation-results-<year>.xlsx" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getEvaluationCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 考核评分 id（UUID） / The campaign’s id (UUID) */
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationCampaignDetail'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  recordEvaluationBallot: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 考核评分 id（UUID） / The campaign’s id (UUID) */
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "raterKind": "resident",
         *       "raterName": "王阿姨",
         *       "raterRef": "138 0000 1234",
         *       "scores": [
         *         {
         *           "departmentId": "5b0c7f9e-2d1a-4f3b-9c8e-1a2b3c4d5e6f",
         *           "score": 92
         *         },
         *         {
         *           "departmentId": "6c1d8a0f-3e2b-4a4c-8d9f-2b3c4d5e6f70",
         *           "score": 85
         *         },
         *         {
         *           "departmentId": "7d2e9b1a-4f3c-4b5d-9e0a-3c4d5e6f7081",
         *           "score": 78
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['EvaluationBallotInput'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationBallot'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getEntriesRule: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The rule of the three entries in force (the defaults until one is saved) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntriesRule'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setEntriesRule: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "minDepartmentsPerCommunity": 3,
         *       "maxDepartmentsPerCommunity": 5,
         *       "visitPeriod": "quarter",
         *       "minVisits": 1,
         *       "visitReminderLadder": [
         *         10,
         *         3
         *       ],
         *       "visitSupervisorAfterDays": 3,
         *       "absenceThreshold": 3,
         *       "evaluationQuorum": 50,
         *       "evaluationOpensOn": "12-01",
         *       "evaluationClosesOn": "12-25",
         *       "evaluationReminderEveryDays": 5
         *     }
         */
        'application/json': components['schemas']['EntriesRuleInput'];
      };
    };
    responses: {
      /** @description The rule as saved, and from when it applies */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedEntriesRule'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listLeaders: {
    parameters: {
      query?: {
        communityId?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeaderPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  registerLeader: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "code": "leader-wang",
         *       "name": "王建国",
         *       "title": "副市长",
         *       "email": "wang.jianguo@example.org",
         *       "communityCode": "bihai",
         *       "secretaryName": "刘秘书",
         *       "secretaryEmail": "liu.mishu@example.org"
         *     }
         */
        'application/json': components['schemas']['LeaderInput'];
      };
    };
    responses: {
      /** @description Already registered with the same details */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Leader'];
        };
      };
      /** @description Registered */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Leader'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getLeader: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 领导 id（UUID）或编码 / The leader’s id (UUID) or code
         * @example leader-wang
         */
        ref: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A city leader paired with one community (领导联系点) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Leader'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  removeLeader: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 领导 id（UUID）或编码 / The leader’s id (UUID) or code */
        ref: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  updateLeader: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 领导 id（UUID）或编码 / The leader’s id (UUID) or code
         * @example leader-wang
         */
        ref: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "title": "市委常委、副市长",
         *       "phone": "0415-7123456"
         *     }
         */
        'application/json': components['schemas']['LeaderUpdate'];
      };
    };
    responses: {
      /** @description A city leader paired with one community (领导联系点) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Leader'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getLeaderObligation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 领导 id（UUID）或编码 / The leader’s id (UUID) or code
         * @example leader-wang
         */
        ref: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The current period of a leader’s visit obligation (the workflow’s query) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeaderObligation'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listLeaderVisits: {
    parameters: {
      query?: {
        year?: number;
      };
      header?: never;
      path: {
        /**
         * @description 领导 id（UUID）或编码 / The leader’s id (UUID) or code
         * @example leader-wang
         */
        ref: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Visits, latest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitList'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  recordVisit: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /**
         * @description 领导 id（UUID）或编码 / The leader’s id (UUID) or code
         * @example leader-wang
         */
        ref: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "visitedOn": "2026-11-20",
         *       "purposes": [
         *         "research_guidance",
         *         "coordinated_problem"
         *       ],
         *       "notes": "调研老旧小区改造，协调 3 号楼加装电梯资金"
         *     }
         */
        'application/json': components['schemas']['VisitInput'];
      };
    };
    responses: {
      /** @description Recorded */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordedVisit'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listDepartments: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every department, by code */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentList'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  registerDepartment: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "code": "dept-housing",
         *       "name": "市住房和城乡建设局",
         *       "contactName": "赵科长",
         *       "contactEmail": "zhao.kezhang@example.org"
         *     }
         */
        'application/json': components['schemas']['DepartmentInput'];
      };
    };
    responses: {
      /** @description Already registered with the same details */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Department'];
        };
      };
      /** @description Registered */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Department'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setDepartmentPairings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 社区 id（UUID）或编码 / The community’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "departmentCodes": [
         *         "dept-housing",
         *         "dept-justice",
         *         "dept-health"
         *       ]
         *     }
         */
        'application/json': components['schemas']['DepartmentPairingsInput'];
      };
    };
    responses: {
      /** @description The community’s pairings now */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommunityPairings'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getCommunityPairings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 社区 id（UUID）或编码 / The community’s id (UUID) or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommunityPairings'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listLeaderVisitStatus: {
    parameters: {
      query?: {
        period?: string;
        status?: 'visited' | 'pending' | 'overdue';
        streetId?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Each leader’s visits in one period */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitsPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listVisitsByLeader: {
    parameters: {
      query?: {
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Visits per leader in a year, by period */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitsByLeader'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getDepartmentAttendance: {
    parameters: {
      query?: {
        period?: string;
        communityId?: string;
        departmentId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Paired departments’ attendance at community joint meetings, longest absence first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceTable'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  importPairings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The file itself as the body */
    requestBody: {
      content: {
        'text/csv': string;
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
      };
    };
    responses: {
      /** @description Imported */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PairingImportSummary'];
        };
      };
      /** @description 导入被拒绝，未写入任何数据 / Rejected: nothing written */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportRejection'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listServingEmployers: {
    parameters: {
      query?: {
        /** @description 只列该社区（id 或编码）所在的单位和有党员在该社区报到的单位 / Sitting in, or with members in, this community */
        communityId?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The employers the caller may see, by code */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingEmployerPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  registerServingEmployer: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "code": "emp-tax-bureau",
         *       "name": "东港市税务局",
         *       "partyOrgName": "东港市税务局机关党支部",
         *       "contactName": "赵主任",
         *       "contactEmail": "zhao@example.org",
         *       "contactPhone": "0415-7100001"
         *     }
         */
        'application/json': components['schemas']['ServingEmployerInput'];
      };
    };
    responses: {
      /** @description Already registered with the same details */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingEmployer'];
        };
      };
      /** @description Registered */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingEmployer'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getServingEmployer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 单位 id（UUID）或单位编码 / The employer’s id (UUID) or code
         * @example emp-tax-bureau
         */
        ref: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An employer whose Party organisation registered with a community (单位报到) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingEmployer'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  removeServingEmployer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 单位 id（UUID）或单位编码 / The employer’s id (UUID) or code */
        ref: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  updateServingEmployer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 单位 id（UUID）或单位编码 / The employer’s id (UUID) or code
         * @example emp-tax-bureau
         */
        ref: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "contactName": "钱主任",
         *       "contactEmail": "qian@example.org"
         *     }
         */
        'application/json': components['schemas']['ServingEmployerUpdate'];
      };
    };
    responses: {
      /** @description An employer whose Party organisation registered with a community (单位报到) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingEmployer'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listServingMembers: {
    parameters: {
      query?: {
        /** @description 所在社区：id 或编码 / Home community: id or code */
        communityId?: string;
        /** @description 工作单位：id 或编码 / Employer: id or code */
        employerId?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The members the caller may see (a member: themselves), by community and name */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingMemberPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  registerServingMember: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "张伟",
         *       "phone": "13800001234",
         *       "idNumber": "11010519491231002X",
         *       "communityId": "bihai",
         *       "employerId": "emp-tax-bureau",
         *       "skills": [
         *         "法律咨询"
         *       ],
         *       "posts": [
         *         "policy_promotion",
         *         "conflict_mediation"
         *       ]
         *     }
         */
        'application/json': components['schemas']['ServingMemberInput'];
      };
    };
    responses: {
      /** @description Registered */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegisteredServingMember'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getServingMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 在职党员 id（UUID） / The member’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An in-service Party member registered with their home community (个人报到) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingMember'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  removeServingMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 在职党员 id（UUID） / The member’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  updateServingMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 在职党员 id（UUID） / The member’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "skills": [
         *         "法律咨询",
         *         "心理疏导"
         *       ]
         *     }
         */
        'application/json': components['schemas']['ServingMemberUpdate'];
      };
    };
    responses: {
      /** @description An in-service Party member registered with their home community (个人报到) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingMember'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  importServingEmployers: {
    parameters: {
      query?: {
        /** @description true：只检查，不写入 / Only check: nothing is written */
        dryRun?: '0' | '1' | 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The file itself as the body */
    requestBody: {
      content: {
        'text/csv': string;
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
      };
    };
    responses: {
      /** @description Imported (or checked, with dryRun) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingImportSummary'];
        };
      };
      /** @description 导入被拒绝，未写入任何数据（文件的问题按行列出；或查询参数无效） / Rejected, nothing written: the file’s problems by row, or an invalid query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingImportRejection'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  importServingMembers: {
    parameters: {
      query?: {
        /** @description true：只检查，不写入 / Only check: nothing is written */
        dryRun?: '0' | '1' | 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The file itself as the body */
    requestBody: {
      content: {
        'text/csv': string;
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
      };
    };
    responses: {
      /** @description Imported (or checked, with dryRun) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingImportSummary'];
        };
      };
      /** @description 导入被拒绝，未写入任何数据（文件的问题按行列出；或查询参数无效） / Rejected, nothing written: the file’s problems by row, or an invalid query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingImportRejection'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listServiceNeeds: {
    parameters: {
      query?: {
        communityId?: string;
        /** @description Only needs on or after this day */
        from?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Needs, latest day first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceNeedPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  publishServiceNeed: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "communityId": "bihai",
         *       "title": "为独居老人代购年货",
         *       "category": "elderly_care",
         *       "neededOn": "2026-12-20",
         *       "slots": 3
         *     }
         */
        'application/json': components['schemas']['ServiceNeedInput'];
      };
    };
    responses: {
      /** @description A need on a community’s list (服务需求) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceNeed'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getServiceNeed: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The need’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A need on a community’s list (服务需求) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceNeed'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  cancelServiceNeed: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The need’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "reason": "天气原因取消"
         *     }
         */
        'application/json': components['schemas']['ServiceNeedCancelInput'];
      };
    };
    responses: {
      /** @description The need cancelled (with the claims still open on it) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CancelledNeed'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  claimServiceNeed: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The need’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /** @example {} */
        'application/json': components['schemas']['NeedClaimInput'];
      };
    };
    responses: {
      /** @description A claim (认领) and whether its workflow was told */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NeedClaim'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  cancelNeedClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The claim’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A claim (认领) and whether its workflow was told */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NeedClaim'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  confirmNeedClaimDone: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The claim’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "servedOn": "2026-12-20",
         *       "minutes": 150,
         *       "what": "为 3 户独居老人代购年货",
         *       "confirmedBy": "李书记"
         *     }
         */
        'application/json': components['schemas']['ServiceDoneInput'];
      };
    };
    responses: {
      /** @description A service on a member’s card, and whether the workflows were told */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceRecord'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  recordService: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "memberId": "00000000-0000-4000-8000-000000000000",
         *       "servedOn": "2026-12-01",
         *       "minutes": 120,
         *       "what": "社区法律咨询",
         *       "confirmedBy": "李书记"
         *     }
         */
        'application/json': components['schemas']['ServiceRecordInput'];
      };
    };
    responses: {
      /** @description A service on a member’s card, and whether the workflows were told */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceRecord'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 与现有数据冲突 / Conflicts with the record (code: duplicate | unit_code_taken | unit_has_children | username_taken | item_state | not_in_queue | no_upper_level | code_taken | campaign_not_open | duplicate_rater | in_progress | employer_has_members) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getServiceCard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The member’s id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A member’s service card (服务记录卡): services, hours, claims still open */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceCard'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getServingRule: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The third entry’s rule in force (the defaults until one is saved) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingRule'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setServingRule: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "participationPeriod": "year",
         *       "minServices": 4,
         *       "participationReminderLadder": [
         *         20,
         *         5
         *       ],
         *       "claimConfirmWithinDays": 3,
         *       "claimCommunityAfterDays": 2,
         *       "receiptWithinDays": 5,
         *       "receiptOfficeAfterDays": 3,
         *       "receiptValidDays": 30
         *     }
         */
        'application/json': components['schemas']['ServingRuleInput'];
      };
    };
    responses: {
      /** @description The rule as saved, and from when it applies */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedServingRule'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getMemberParticipation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 在职党员 id / The member’s id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The current period of a member’s participation obligation (the workflow’s query) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberParticipation'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listServingBelowMinimum: {
    parameters: {
      query?: {
        communityId?: string;
        period?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The members below the minimum in a period (registered during it, not removed before its end) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingBelowMinimum'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getServingReceipt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The receipt token from the mail’s link
         * @example xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
         */
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What an employer’s receipt link shows: its own members’ records in the quarter (phones masked) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingReceipt'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 链接已使用或已过期 / The link was used already or has expired (code: receipt_confirmed | receipt_expired) */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error410'];
        };
      };
    };
  };
  confirmServingReceipt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The receipt token from the mail’s link
         * @example xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
         */
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "confirmedBy": "张主任"
         *     }
         */
        'application/json': components['schemas']['ReceiptConfirmInput'];
      };
    };
    responses: {
      /** @description The receipt as confirmed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingReceiptConfirmed'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 链接已使用或已过期 / The link was used already or has expired (code: receipt_confirmed | receipt_expired) */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error410'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
    };
  };
  getServingFeedback: {
    parameters: {
      query: {
        communityId: string;
        periodKey?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A community’s quarterly feedback per employer: sent, confirmed, reminded, office told */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingFeedbackStatus'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getServingEvaluations: {
    parameters: {
      query: {
        communityId: string;
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A community’s year-end evaluation: each employer followed by its members */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingEvaluationGrid'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setServingEvaluation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "communityId": "00000000-0000-4000-8000-000000000000",
         *       "year": 2026,
         *       "subjectKind": "member",
         *       "subjectId": "00000000-0000-4000-8000-000000000001",
         *       "grade": "excellent"
         *     }
         */
        'application/json': components['schemas']['ServingEvaluationInput'];
      };
    };
    responses: {
      /** @description A grade entered */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingEvaluation'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getServingFigures: {
    parameters: {
      query?: {
        /** @description 统计年度，缺省为本年 / The year counted (default: this year, Asia/Shanghai) */
        year?: number;
        /** @description 只统计该社区（ID 或编码） / Only this community (id or code) */
        communityId?: string;
        /** @description 只统计该街道的社区（ID 或编码） / Only the communities of this street (id or code) */
        streetId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The third entry’s figures per community, per street and in total */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServingFigures'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  exportServingFigures: {
    parameters: {
      query?: {
        /** @description 统计年度，缺省为本年 / The year counted (default: this year, Asia/Shanghai) */
        year?: number;
        /** @description 只统计该社区（ID 或编码） / Only this community (id or code) */
        communityId?: string;
        /** @description 只统计该街道的社区（ID 或编码） / Only the communities of this street (id or code) */
        streetId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description XLSX workbook */
      200: {
        headers: {
          /** @description attachment; filename="serving-figures-<year>.xlsx" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getDashboard: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description HTML page (the dashboard) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description The bundle is not built: a page saying to run npm run build:web */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  getUiConfig: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What the dashboard needs to know about this deployment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UiConfig'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listCalendarYears: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Each year’s working days: where they came from */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarCoverage'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getCalendarYear: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 年份 / The year
         * @example 2027
         */
        year: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One year’s off days and make-up workdays */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarYear'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  putCalendarYear: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 年份 / The year
         * @example 2027
         */
        year: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "offDays": [
         *         "2027-01-01",
         *         "2027-01-02",
         *         "2027-01-03"
         *       ],
         *       "makeupWorkdays": [],
         *       "names": {}
         *     }
         */
        'application/json': components['schemas']['CalendarYearInput'];
      };
    };
    responses: {
      /** @description A year’s working days as entered: a preview, or what was stored and which open plans moved */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarYearAnswer'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  enterHolidayNotice: {
    parameters: {
      query?: {
        confirm?: 'true' | 'false';
      };
      header?: never;
      path: {
        /**
         * @description 年份 / The year
         * @example 2027
         */
        year: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "text": "国务院办公厅关于2027年部分节假日安排的通知 …"
         *     }
         */
        'application/json': components['schemas']['CalendarNoticeInput'];
      };
    };
    responses: {
      /** @description A year’s working days as entered: a preview, or what was stored and which open plans moved */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarYearAnswer'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listCalendarDays: {
    parameters: {
      query: {
        /** @description Calendar date YYYY-MM-DD (Asia/Shanghai) */
        from: string;
        /** @description Calendar date YYYY-MM-DD (Asia/Shanghai) */
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Each day: working or not, why, and where its year came from */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarDays'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  changeOwnPassword: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "currentPassword": "the old passphrase",
         *       "newPassword": "a new long passphrase"
         *     }
         */
        'application/json': components['schemas']['PasswordChangeInput'];
      };
    };
    responses: {
      /** @description Changed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResult'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  disableUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 用户 id / The user’s id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Disabled */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  enableUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 用户 id / The user’s id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Enabled */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setTemporaryPassword: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description 用户 id / The user’s id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "temporaryPassword": "a temporary passphrase"
         *     }
         */
        'application/json': components['schemas']['TemporaryPasswordInput'];
      };
    };
    responses: {
      /** @description Set */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 请求体过大 / Request body too large (code: payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description 不支持的媒体类型或字符集 / Unsupported media type or charset (code: unsupported_media_type) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request (code: idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listNotYetMet: {
    parameters: {
      query?: {
        /** @description The period in progress (of each level’s rule) */
        period?: 'current';
        level?: 'city' | 'street' | 'community' | 'compound' | 'building';
        streetId?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Units not yet met in the current period, soonest due first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DuePage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  exportNotYetMet: {
    parameters: {
      query?: {
        /** @description The period in progress (of each level’s rule) */
        period?: 'current';
        level?: 'city' | 'street' | 'community' | 'compound' | 'building';
        streetId?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description XLSX workbook */
      200: {
        headers: {
          /** @description attachment; filename="not-yet-met-<date>.xlsx" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listDueThisWeek: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Open obligations falling due from today to Sunday */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DueThisWeek'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  searchUnitDirectory: {
    parameters: {
      query?: {
        /** @description Part of a name, code or convener’s name */
        q?: string;
        level?: 'city' | 'street' | 'community' | 'compound' | 'building';
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Units matching the search */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DirectoryPage'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getChildrenStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description 单位 ID 或代码 / Unit id or code
         * @example bihai
         */
        unitRef: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The units directly under a unit, each with its current period */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChildrenStatus'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 不存在或不在调用者的范围内 / Not found, or outside the caller’s scope (code: not_found | no_mail_sink) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getDigestRule: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The weekly digest: its weekday (a day off: the first working day after it that week) and hour, on or off */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DigestRule'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  putDigestRule: {
    parameters: {
      query?: never;
      header?: {
        /** @description 重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "enabled": true,
         *       "weekday": 1,
         *       "hour": 9
         *     }
         */
        'application/json': components['schemas']['DigestRuleInput'];
      };
    };
    responses: {
      /** @description The weekly digest: its weekday (a day off: the first working day after it that week) and hour, on or off */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DigestRule'];
        };
      };
      /** @description 输入无效（field 指明字段） / Invalid input (field names it) (code: invalid_input) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description 未登录或凭据无效 / Not logged in, or the credentials are not valid (code: unauthenticated | invalid_credentials) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description 该角色无权执行此操作 / The caller’s role may not do this (code: forbidden | password_change_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description 暂不可用，请稍后重试 / Temporarily unavailable: retry later (code: obligations_not_started | database_unavailable) */
      503: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
}
