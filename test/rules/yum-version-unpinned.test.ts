import rule from '../../rules/yum-version-unpinned.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y tomcat-9.2 && yum clean all\n',
    'FROM centos:7\nRUN yum install -y openssl-1:1.1.1k rpm-sign-4.16.1.3 gcc-c++-1.1.1\n',
    'FROM centos:7\nRUN yum install -y git-core-2.51.0-2.el7\n',
    'FROM centos:7\nRUN yum module install -y tomcat:9\n',
    'FROM centos:7\nRUN yum install -y /tmp/app.rpm https://example.com/x.rpm @core\n',
    { name: 'version from an ENV', code: 'FROM centos:7\nENV version=2.51.0-2.el7\nRUN yum -y install git-core-${version}\n' },
    { name: 'version from the parent stage', code: 'FROM centos:7 AS base\nENV version=2.51.0\nFROM base\nRUN yum -y install git-core-$version\n' },
    { name: 'version set by the script itself', code: 'FROM centos:7\nRUN V=2.51.0 && yum -y install git-core-$V\n' },
    { name: 'ARG without a value', code: 'FROM centos:7\nARG version\nRUN yum -y install git-core-$version\n' },
  ],
  invalid: [
    { code: 'FROM centos:7\nRUN yum install -y tomcat && yum clean all\n', errors: [{ line: 2, column: 20, endColumn: 26, message: /`tomcat-<version>`/ }] },
    { name: 'a name with a dash is not a version', code: 'FROM centos:7\nRUN yum install -y rpm-sign java-11-openjdk\n', errors: [{ message: 'Pin the versions of `rpm-sign` and `java-11-openjdk`: `rpm-sign-<version>`' }] },
    { name: 'once per install command', code: 'FROM centos:7\nRUN yum install -y httpd && yum install -y tomcat\n', errors: [{ column: 20 }, { column: 44 }] },
    { name: 'hadolint preset: once per RUN', code: 'FROM centos:7\nRUN yum install -y httpd && yum install -y tomcat\n', options: { preset: 'hadolint' }, errors: [{ column: 20 }] },
    { name: 'module without a stream', code: 'FROM centos:7\nRUN yum module install -y tomcat\n', errors: [{ message: /`tomcat:<stream>`/ }] },
    { name: 'ENV of an unrelated stage', code: 'FROM centos:7 AS build\nENV version=2.51.0\nFROM centos:7\nRUN yum -y install git-core-${version}\n', errors: [{ line: 4 }] },
    { name: 'heredoc script', code: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd\nEOF\n', errors: [{ line: 3 }] },
    { name: 'ONBUILD trigger', code: 'FROM centos:7\nONBUILD RUN yum install -y tomcat\n', errors: 1 },
  ],
});
